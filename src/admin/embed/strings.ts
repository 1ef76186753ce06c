import type { Language } from '../../domain.ts';

/** The embed widget's few words, in both languages. */
const STRINGS = {
  en: {
    findTitle: 'Find your officials',
    zip: 'Your ZIP code',
    find: 'Find',
    call: 'Call',
    dcOffice: 'Washington office',
    localOffice: 'Local office',
    script: 'What to say',
    vacant: 'This seat is vacant.',
    report: 'What happened?',
    contacted: 'I reached a person',
    voicemail: 'I left a voicemail',
    unavailable: 'I could not get through',
    recorded: 'Thank you, recorded.',
    failed: 'That did not go through. Please try again.',
    needsJs: 'To report what happened, open the full campaign page.',
    fullPage: 'Open the full campaign page',
    ambiguous: 'This ZIP code covers more than one district. Open the full page to choose yours.',
    invalid: 'Enter a five-digit ZIP code.',
    disabled: 'This campaign is not available for embedding.',
  },
  es: {
    findTitle: 'Encuentre a sus representantes',
    zip: 'Su código postal',
    find: 'Buscar',
    call: 'Llamar',
    dcOffice: 'Oficina en Washington',
    localOffice: 'Oficina local',
    script: 'Qué decir',
    vacant: 'Este cargo está vacante.',
    report: '¿Qué pasó?',
    contacted: 'Hablé con una persona',
    voicemail: 'Dejé un mensaje de voz',
    unavailable: 'No pude comunicarme',
    recorded: 'Gracias, quedó registrado.',
    failed: 'No se pudo registrar. Inténtelo de nuevo.',
    needsJs: 'Para informar qué pasó, abra la página completa de la campaña.',
    fullPage: 'Abrir la página completa de la campaña',
    ambiguous: 'Este código postal abarca más de un distrito. Abra la página completa para elegir el suyo.',
    invalid: 'Escriba un código postal de cinco dígitos.',
    disabled: 'Esta campaña no está disponible para insertar.',
  },
} as const;

export type EmbedKey = keyof (typeof STRINGS)['en'];
export const embedText =
  (lang: Language) =>
  (key: EmbedKey): string =>
    STRINGS[lang][key];
