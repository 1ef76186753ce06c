import type { Chamber, Role, StateCode } from '../../domain.ts';
import { type LegislativeChamber, legislativeDivision, ocdPart, stateDivision } from '../divisions.ts';
import { hasPlaceholderTermEnd } from '../governor-terms.ts';
import { jurisdictionOf, type OpenStatesPerson, type OpenStatesRole } from '../import/openstates.ts';
import { nameInSentence, STATES } from '../states.ts';
import type { Office, Official, Seat, SocialAccounts, UnknownHolder } from '../types.ts';
import { isCurrent } from './dates.ts';
import { type Centroids, emptyOffice, parseCityStateZip, withTimeZone } from './offices.ts';
import { partyName } from './party.ts';

/** Open States executive role types → Voz roles. Other types (e.g. a past mayoralty) are ignored. */
const EXECUTIVE_ROLES: Record<string, { role: Role; title: string }> = {
  governor: { role: 'governor', title: 'Governor' },
  lt_governor: { role: 'lt_governor', title: 'Lieutenant Governor' },
  'attorney general': { role: 'attorney_general', title: 'Attorney General' },
  'secretary of state': { role: 'secretary_of_state', title: 'Secretary of State' },
  'chief election officer': { role: 'chief_election_officer', title: 'Chief Election Officer' },
  treasurer: { role: 'treasurer', title: 'Treasurer' },
  auditor: { role: 'auditor', title: 'Auditor' },
};

/** Lower chambers not called a House of Representatives, and the title their members use. */
const LOWER_CHAMBER: Partial<Record<StateCode, { name: string; title: string }>> = {
  CA: { name: 'State Assembly', title: 'Assemblymember' },
  NV: { name: 'Assembly', title: 'Assemblymember' },
  NY: { name: 'State Assembly', title: 'Assembly Member' },
  NJ: { name: 'General Assembly', title: 'Assemblymember' },
  WI: { name: 'State Assembly', title: 'Representative' },
  MD: { name: 'House of Delegates', title: 'Delegate' },
  VA: { name: 'House of Delegates', title: 'Delegate' },
  WV: { name: 'House of Delegates', title: 'Delegate' },
};

const LEGISLATIVE: Record<LegislativeChamber, { chamber: Chamber; role: Role; seat: string }> = {
  upper: { chamber: 'state_upper', role: 'state_senator', seat: 'sldu' },
  lower: { chamber: 'state_lower', role: 'state_representative', seat: 'sldl' },
  legislature: { chamber: 'state_legislature', role: 'state_legislator', seat: 'legislature' },
};

/** The legislative body's English name, e.g. "Maryland House of Delegates". */
function chamberName(state: StateCode, kind: LegislativeChamber): string {
  const stateName = STATES[state].name;
  if (state === 'DC') return 'Council of the District of Columbia';
  if (state === 'PR') return kind === 'upper' ? 'Senate of Puerto Rico' : 'House of Representatives of Puerto Rico';
  if (kind === 'upper') return `${stateName} State Senate`;
  if (kind === 'lower') return `${stateName} ${LOWER_CHAMBER[state]?.name ?? 'House of Representatives'}`;
  return `${stateName} Legislature`;
}

interface Holding {
  person: OpenStatesPerson;
  role: OpenStatesRole;
  active: boolean;
  seatKey: string;
  official: Official;
  seat: Omit<Seat, 'id' | 'officialId'>;
}

/** The role that makes this person an official today, or else their most recent relevant role. */
function chooseRole(person: OpenStatesPerson, today: string): { role: OpenStatesRole; active: boolean } | null {
  const jurisdiction = jurisdictionOf(person.state);
  const relevant = person.roles.filter(
    (r) =>
      r.jurisdiction === jurisdiction &&
      (person.kind === 'executive' ? r.type in EXECUTIVE_ROLES : r.type in LEGISLATIVE && r.district !== undefined),
  );
  const active = relevant.find((r) => isCurrent(today, r.start_date, r.end_date));
  if (active) return { role: active, active: true };
  const latest = relevant
    .filter((r) => !r.start_date || r.start_date <= today)
    .sort((a, b) => (b.end_date ?? b.start_date ?? '').localeCompare(a.end_date ?? a.start_date ?? ''))[0];
  return latest ? { role: latest, active: false } : null;
}

function holding(person: OpenStatesPerson, role: OpenStatesRole, active: boolean, centroids: Centroids): Holding {
  const state = person.state;
  const code = state.toLowerCase();
  let base: Pick<Official, 'role' | 'chamber' | 'title' | 'district' | 'divisionId'>;
  let seatKey: string;
  let label: string;
  if (person.kind === 'executive') {
    const exec = EXECUTIVE_ROLES[role.type]!;
    // The Mayor of DC is Open States' `governor` of the District.
    const isMayor = state === 'DC' && exec.role === 'governor';
    const title = isMayor ? 'Mayor' : exec.title;
    base = {
      role: isMayor ? 'mayor' : exec.role,
      chamber: 'state_executive',
      title,
      district: null,
      divisionId: stateDivision(state),
    };
    seatKey = exec.role === 'governor' ? `governor:${code}` : `state-exec:${code}:${exec.role}`;
    label = `${title} of ${nameInSentence(state)}`;
  } else {
    const kind = role.type as LegislativeChamber;
    const leg = LEGISLATIVE[kind];
    const district = role.district!;
    const lower = LOWER_CHAMBER[state];
    const title =
      state === 'DC'
        ? 'Councilmember'
        : kind === 'upper' || state === 'NE'
          ? 'Senator'
          : kind === 'lower'
            ? (lower?.title ?? 'Representative')
            : 'Legislator';
    base = {
      role: leg.role,
      chamber: leg.chamber,
      title,
      district,
      divisionId: legislativeDivision(state, kind, district),
    };
    seatKey = `${leg.seat}:${code}:${ocdPart(district)}`;
    const body = chamberName(state, kind);
    label = `${body}, ${/^\d+$/.test(district) ? `district ${district}` : district}`;
  }
  const official: Official = {
    id: person.id,
    ids: { openstates: person.id },
    name: person.name,
    givenName: person.given_name ?? null,
    familyName: person.family_name ?? null,
    party: partyName(person.party),
    gender: person.gender === 'Female' ? 'F' : person.gender === 'Male' ? 'M' : null,
    ...base,
    state,
    seatId: seatKey,
    termStart: role.start_date ?? null,
    termEnd: role.end_date ?? null,
    senateClass: null,
    stateRank: null,
    ...contactDetails(person, centroids),
  };
  return {
    person,
    role,
    active,
    seatKey,
    official,
    seat: {
      chamber: base.chamber,
      role: base.role,
      state,
      district: base.district,
      divisionId: base.divisionId,
      label,
    },
  };
}

function contactDetails(
  person: OpenStatesPerson,
  centroids: Centroids,
): Pick<Official, 'offices' | 'contactForm' | 'website' | 'email' | 'photoUrl' | 'social' | 'mailingAddress'> {
  const uuid = person.id.replace('ocd-person/', '');
  const offices: Office[] = [];
  let mailing: string | null = null;
  (person.offices ?? []).forEach((o, i) => {
    const isMail = o.classification.endsWith('-mail');
    if (isMail && o.address) mailing ??= o.address;
    if (isMail && !o.voice) return; // a mailing address only
    const place = o.address ? parseCityStateZip(o.address) : { city: null, state: null, zip: null };
    const office: Office = {
      ...emptyOffice(
        `${uuid}-${o.classification}-${i + 1}`,
        o.classification.startsWith('capitol') ? 'capitol' : 'district',
      ),
      address: o.address ?? null,
      city: place.city,
      state: place.state && place.state in STATES ? (place.state as StateCode) : null,
      zip: place.zip,
      phone: o.voice ?? null,
      fax: o.fax ?? null,
    };
    offices.push(withTimeZone(office, person.state, centroids));
  });
  mailing ??= offices.find((o) => o.kind === 'capitol' && o.address)?.address ?? null;
  const social: SocialAccounts = {};
  for (const key of ['twitter', 'facebook', 'instagram', 'youtube', 'mastodon'] as const) {
    if (person.ids[key]) social[key] = person.ids[key];
  }
  return {
    offices,
    contactForm: person.contactForm,
    website: person.website,
    email: person.email ?? null,
    photoUrl: person.image ?? null,
    social,
    mailingAddress: mailing,
  };
}

export interface StateChoice {
  officials: Official[];
  seats: Seat[];
  /** People in the files who no longer hold a seat (someone else holds it today). */
  former: number;
  /** Seats whose last recorded holder's term ended before the data was published: "Governor of North Carolina (Roy Cooper, 2025-01-01)". */
  endedBeforeData: string[];
}

/**
 * A recorded end that tells nothing: Open States requires an end date for executive roles and
 * enters it ahead, sometimes roughly, so a governor's end date that is not the end of a regular
 * term in that state (and has no end_reason) is a placeholder, not an event. Newsom's record says
 * 2026-01-01, while California's term runs from the Monday after January 1 following the 2022
 * election to the one after the 2026 election (2027-01-04); such a holder is kept, flagged as
 * possibly out of date.
 */
function isPlaceholderEnd(h: Holding): boolean {
  if (h.role.end_reason) return false;
  return hasPlaceholderTermEnd({ role: h.official.role, state: h.person.state, termEnd: h.role.end_date ?? null });
}

/**
 * What the data still knows about an office whose holder it cannot name: for an executive, the
 * office's own website and main phone (a governor's site and capitol line outlast the governor);
 * a legislator's site and phone are their own, so none.
 */
function unknownHolder(h: Holding, publishedOn: string): UnknownHolder {
  const executive = h.person.kind === 'executive';
  const capitol = (h.person.offices ?? []).find((o) => o.classification === 'capitol' && o.voice);
  return {
    reason: 'term_ended_before_data',
    note: `The last recorded holder's term (${h.person.name}) ended ${h.role.end_date}, before the data was published (${publishedOn}); the data does not say who holds the seat now.`,
    website: executive ? h.person.website : null,
    phone: executive ? (capitol?.voice ?? null) : null,
  };
}

/**
 * Chooses who holds each state seat today. Everyone still in Open States' per-state folders is
 * meant to be current, but role dates are not always updated: a person whose role ended keeps the
 * seat (flagged by its end date) unless someone else holds it today. Multi-member districts
 * (New Hampshire, Arizona, …) get one seat per member: `sldl:nh:hillsborough_12:1`, `…:2`.
 */
export function chooseStateOfficials(
  people: OpenStatesPerson[],
  today: string,
  centroids: Centroids,
  publishedOn: string | null,
): StateChoice {
  const bySeat = new Map<string, Holding[]>();
  for (const person of people) {
    const chosen = chooseRole(person, today);
    if (!chosen) continue;
    const h = holding(person, chosen.role, chosen.active, centroids);
    const list = bySeat.get(h.seatKey);
    if (list) list.push(h);
    else bySeat.set(h.seatKey, [h]);
  }
  const officials: Official[] = [];
  const seats: Seat[] = [];
  const endedBeforeData: string[] = [];
  let former = 0;
  // Open States records people, not vacancies: a governorship nobody in the data holds is
  // "holder unknown", never vacant (a vacancy would also be filled at once by succession).
  const governorStates = new Set(people.map((p) => p.state));
  for (const state of governorStates) {
    const key = `governor:${state.toLowerCase()}`;
    if (bySeat.has(key)) continue;
    const label = `${state === 'DC' ? 'Mayor' : 'Governor'} of ${nameInSentence(state)}`;
    seats.push({
      id: key,
      chamber: 'state_executive',
      role: state === 'DC' ? 'mayor' : 'governor',
      state,
      district: null,
      divisionId: stateDivision(state),
      label,
      officialId: null,
      holderUnknown: {
        reason: 'no_record',
        note: `The data names nobody as ${label}; Open States does not record vacancies, so the office's holder is unknown.`,
        website: null,
        phone: null,
      },
    });
  }
  for (const [key, list] of bySeat) {
    const active = list.filter((h) => h.active);
    const isExecutive = list[0]!.person.kind === 'executive';
    let holders: Holding[];
    if (active.length > 0) holders = isExecutive ? [latestStart(active)] : active;
    else holders = [list.sort((a, b) => (b.role.end_date ?? '').localeCompare(a.role.end_date ?? ''))[0]!];
    former += list.length - holders.length;
    const only = holders.length === 1 ? holders[0]! : null;
    // A term that ended before the data was published is known to be over: the data does not
    // say who holds the seat, so the former holder is not shown as holding it.
    if (only && !only.active && publishedOn && (only.role.end_date ?? '9') < publishedOn && !isPlaceholderEnd(only)) {
      seats.push({ ...only.seat, id: key, officialId: null, holderUnknown: unknownHolder(only, publishedOn) });
      endedBeforeData.push(`${only.seat.label} (${only.person.name}, ${only.role.end_date})`);
      former++;
      continue;
    }
    holders.sort((a, b) =>
      (a.official.familyName ?? a.official.name).localeCompare(b.official.familyName ?? b.official.name),
    );
    holders.forEach((h, i) => {
      const id = holders.length === 1 ? key : `${key}:${i + 1}`;
      officials.push({ ...h.official, seatId: id });
      seats.push({ ...h.seat, id, officialId: h.official.id });
    });
  }
  return { officials, seats, former, endedBeforeData };
}

function latestStart(list: Holding[]): Holding {
  return list.reduce((a, b) => ((b.role.start_date ?? '') > (a.role.start_date ?? '') ? b : a));
}
