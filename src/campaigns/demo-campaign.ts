import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { NewCampaign } from './campaign.ts';
import { claimFirstRunSeed, countCampaigns, insertCampaign } from './campaign-repository.ts';

/**
 * The campaign a fresh install starts with, so there is something to try at once: protecting
 * asylum, addressed to the President, both senators and the House member. Spanish texts use the
 * Spanish spellings of the placeholders, so a supporter who has not typed their name yet sees
 * "[nombre]" rather than "[name]".
 */

export const DEMO_SLUG = 'protect-asylum';
const SEED_NAME = 'demo-campaign';

const EN_BODY = `Proposals in Washington would make it far harder for people fleeing danger to ask for protection in the United States, and would speed up deportations of families who already live here. Again and again, these ideas are offered as bargaining chips in negotiations about something else.

**Asylum is not a bargaining chip.** Under U.S. law, anyone who reaches the United States may ask for asylum, however they arrived ([8 U.S.C. § 1158](https://www.law.cornell.edu/uscode/text/8/1158)).

It takes a few minutes:

1. Tell us where you live to see who represents you.
2. Call or write the President, your senators and your representative in Congress. The script below is a starting point; your own words are even better.
3. Let us know how it went, so every voice is counted.`;

const ES_BODY = `Hay propuestas en Washington que harían mucho más difícil que las personas que huyen del peligro pidan protección en Estados Unidos, y que acelerarían la deportación de familias que ya viven aquí. Una y otra vez, estas ideas se ponen sobre la mesa como moneda de cambio en negociaciones sobre otros temas.

**El asilo no es moneda de cambio.** Según la ley de Estados Unidos, toda persona que llega al país puede pedir asilo, sin importar cómo haya llegado ([8 U.S.C. § 1158](https://www.law.cornell.edu/uscode/text/8/1158), en inglés).

Solo toma unos minutos:

1. Díganos dónde vive para ver quiénes le representan.
2. Llame o escriba a la Casa Blanca, a sus senadores y a su representante en el Congreso. El guion de abajo es un punto de partida; sus propias palabras valen aún más.
3. Cuéntenos cómo le fue, para que cada voz cuente.`;

const EN_SCRIPT = `Hello, my name is [name]. I am [title or role] of [organization], an organization that works with [community].

I am calling [office] with one request: protect the right to seek asylum. People fleeing danger deserve a fair hearing, and that protection should never be traded away in a deal about something else.

Please oppose any proposal that limits asylum or speeds up deportations. Thank you for your time.`;

const ES_SCRIPT = `Hola, me llamo [nombre]. Soy [título o cargo] de [organización], una organización que trabaja con [comunidad].

Llamo a [oficina] para pedir que defienda el derecho a solicitar asilo. Quienes huyen del peligro merecen que su caso se escuche con justicia, y esa protección nunca debería cambiarse por un acuerdo sobre otro tema.

Le pido que se oponga a cualquier propuesta que limite el asilo o acelere las deportaciones. Muchas gracias por su tiempo.`;

const EN_MESSAGE = `Dear [official],

My name is [name], and I am [title or role] of [organization], which works alongside [community].

I am writing to ask you to defend the right to seek asylum. Immigrant families are part of every corner of this country: our neighborhoods, our workplaces, our congregations. Bargaining away their safety for a political agreement is wrong.

Security does not come from military strength alone. It also comes from keeping our promise to protect people who are running from danger. The United States has committed, in its own laws and before the world, to hear every asylum claim fairly, and that commitment should not be up for negotiation.

Please reject any proposal that restricts asylum or speeds up deportations, and stand with the children and families who came here looking for safety.

Sincerely,
[name]
[organization]`;

const ES_MESSAGE = `Honorable [official]:

Me llamo [nombre] y soy [título o cargo] de [organización], una organización que acompaña a [comunidad].

Le escribo para pedirle que defienda el derecho a solicitar asilo. Las familias inmigrantes forman parte de cada rincón de este país: de nuestros barrios, nuestros trabajos y nuestras comunidades de fe. Cambiar su seguridad por un acuerdo político es inaceptable.

La seguridad no se logra solo con fuerza militar; también se construye cumpliendo la promesa de proteger a quienes huyen del peligro. Estados Unidos se comprometió, en sus propias leyes y ante el mundo, a examinar con justicia cada solicitud de asilo, y ese compromiso no debe negociarse.

Le pido que rechace cualquier propuesta que restrinja el asilo o acelere las deportaciones, y que se ponga del lado de los niños y las familias que llegaron buscando seguridad.

Atentamente,
[nombre]
[organización]`;

/** The demo campaign, dated the day it is created. */
export function demoCampaign(today: string): NewCampaign {
  return {
    slug: DEMO_SLUG,
    status: 'live',
    date: today,
    defaultLanguage: 'en',
    content: {
      en: {
        title: 'Protect the right to seek asylum',
        summary:
          'Call and write the President, your senators and your representative in Congress: asylum must not be traded away.',
        body: EN_BODY,
        callScript: EN_SCRIPT,
        message: EN_MESSAGE,
        shareText: 'I asked the President, my senators and my representative to protect asylum. Add your voice:',
      },
      es: {
        title: 'Defendamos el derecho al asilo',
        summary:
          'Llame y escriba a la Casa Blanca, a sus senadores y a su representante en el Congreso: el asilo no se negocia.',
        body: ES_BODY,
        callScript: ES_SCRIPT,
        message: ES_MESSAGE,
        shareText: 'Les pedí a la Casa Blanca, a mis senadores y a mi representante que protejan el asilo. Súmese:',
      },
    },
    targets: ['president', 'senators', 'representative'],
    customTargets: [],
    tags: ['asylum', 'immigration'],
    shareImageUrl: null,
    theme: { color: null, logoUrl: null },
    embedEnabled: false,
    goal: 1000,
  };
}

/**
 * Creates the demo campaign on the first run only. The claim is recorded in the same transaction,
 * so a store that already had campaigns (an upgrade) or whose demo was later deleted is never
 * seeded again, and two processes starting together seed once.
 */
export async function seedDemoCampaign(db: Db, clock: Clock): Promise<'seeded' | 'not-needed'> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimFirstRunSeed(trx, SEED_NAME))) return 'not-needed';
    if ((await countCampaigns(trx)) > 0) return 'not-needed';
    const now = clock.now();
    await insertCampaign(trx, demoCampaign(now.toISOString().slice(0, 10)), now);
    return 'seeded';
  });
}
