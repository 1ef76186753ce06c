import type { Config } from '../../config.ts';
import type { ExecutiveRecord, ExecutiveTerm } from '../import/congress.ts';
import type { Official, Seat } from '../types.ts';
import { isCurrent } from './dates.ts';
import { displayName } from './names.ts';
import { emptyOffice } from './offices.ts';

export const COUNTRY_DIVISION = 'ocd-division/country:us';

const KINDS = [
  { type: 'prez', seatId: 'president', role: 'president', title: 'President' },
  { type: 'viceprez', seatId: 'vice-president', role: 'vice_president', title: 'Vice President' },
] as const;

export interface ExecutiveChoice {
  officials: Official[];
  seats: Seat[];
  warnings: string[];
}

/**
 * The President and Vice President on `today`, from executive.json term dates. If no term covers
 * today (the data is older than the last inauguration), the most recent holder is kept and flagged
 * by the end date in the past, rather than showing no President at all.
 */
export function chooseExecutives(
  people: ExecutiveRecord[],
  today: string,
  config: Config,
  publishedOn: string | null = null,
): ExecutiveChoice {
  const officials: Official[] = [];
  const seats: Seat[] = [];
  const warnings: string[] = [];
  for (const kind of KINDS) {
    const terms = people.flatMap((person) =>
      person.terms.filter((t) => t.type === kind.type).map((term) => ({ person, term })),
    );
    const current = terms.find(({ term }) => isCurrent(today, term.start, term.end));
    const latestStarted = terms
      .filter(({ term }) => term.start <= today)
      .sort((a, b) => b.term.start.localeCompare(a.term.start))[0];
    const latest = current ?? latestStarted;
    // A term that had ended when the data was written is known to be over: no holder is shown.
    const over = !current && latest && publishedOn !== null && latest.term.end < publishedOn ? latest : null;
    const chosen = over ? undefined : latest;
    const holderUnknown = over
      ? {
          reason: 'term_ended_before_data' as const,
          note: `The last recorded ${kind.title}'s term (${displayName(over.person.name)}) ended ${over.term.end}, before the data was published (${publishedOn}).`,
          website: null,
          phone: null,
        }
      : null;
    if (over) {
      warnings.push(
        `executive.json's last ${kind.title} term ended ${over.term.end}, before the data was published: the current holder is not in the data`,
      );
    } else if (!current) {
      warnings.push(
        chosen
          ? `executive.json has no current ${kind.title} term; showing ${displayName(chosen.person.name)}, whose term ended ${chosen.term.end}: may be out of date`
          : `executive.json has no ${kind.title} term that has started`,
      );
    }
    const official = chosen ? executiveOfficial(chosen.person, chosen.term, kind, config) : null;
    if (official) officials.push(official);
    seats.push({
      id: kind.seatId,
      chamber: 'executive',
      role: kind.role,
      state: null,
      district: null,
      divisionId: COUNTRY_DIVISION,
      label: kind.title === 'President' ? 'President of the United States' : 'Vice President of the United States',
      officialId: official?.id ?? null,
      ...(holderUnknown ? { holderUnknown } : {}),
    });
  }
  return { officials, seats, warnings };
}

/**
 * The White House comment line and web form (configuration, not data: executive.json has no contact
 * details) take messages for the President and the Vice President alike.
 */
function executiveOfficial(
  person: ExecutiveRecord,
  term: ExecutiveTerm,
  kind: (typeof KINDS)[number],
  config: Config,
): Official {
  const id = person.ids.bioguide ?? `govtrack:${person.ids.govtrack ?? person.name.last.toLowerCase()}`;
  return {
    id,
    ids: person.ids,
    name: displayName(person.name),
    givenName: person.name.first,
    familyName: person.name.last,
    party: term.party ?? null,
    gender: person.gender,
    role: kind.role,
    chamber: 'executive',
    title: kind.title,
    state: null,
    district: null,
    divisionId: COUNTRY_DIVISION,
    seatId: kind.seatId,
    termStart: term.start,
    termEnd: term.end,
    senateClass: null,
    stateRank: null,
    offices: [
      {
        ...emptyOffice('white-house', 'dc'),
        address: '1600 Pennsylvania Avenue NW',
        building: 'The White House',
        city: 'Washington',
        state: 'DC',
        zip: '20500',
        phone: config.whiteHouse.phone,
        timeZone: 'America/New_York',
      },
    ],
    contactForm: config.whiteHouse.contactUrl,
    website: new URL('/', config.whiteHouse.contactUrl).href,
    email: null,
    photoUrl: null,
    social: {},
    mailingAddress: 'The White House, 1600 Pennsylvania Avenue NW, Washington, DC 20500',
  };
}
