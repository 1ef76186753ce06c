import { NON_STATES, type Role, type StateCode } from '../../domain.ts';
import { houseDivision, stateDivision } from '../divisions.ts';
import type { CongressData, DistrictOfficeRecord, MemberRecord, SocialRecord } from '../import/congress.ts';
import type { Office, Official, SocialAccounts } from '../types.ts';
import { displayName } from './names.ts';
import { type Centroids, emptyOffice, withTimeZone } from './offices.ts';
import { partyName } from './party.ts';

export const senateSeatId = (state: StateCode, cls: number) => `senate:${state.toLowerCase()}:${cls}`;
export const houseSeatId = (state: StateCode, district: number) => `house:${state.toLowerCase()}:${district}`;

/** The House member's title: DC and four territories elect a Delegate, Puerto Rico a Resident Commissioner. */
export function houseRole(state: StateCode): { role: Role; title: string } {
  if (state === 'PR') return { role: 'resident_commissioner', title: 'Resident Commissioner' };
  if (NON_STATES.includes(state)) return { role: 'delegate', title: 'Delegate' };
  return { role: 'representative', title: 'Representative' };
}

/** The Washington office from the current term: `office` is the room, `address` the full line. */
function dcOffice(m: MemberRecord): Office | null {
  const t = m.term;
  if (!t.address && !t.phone && !t.office) return null;
  const zip = t.address ? (/\b(\d{5})(?:-\d{4})?\s*$/.exec(t.address)?.[1] ?? null) : null;
  return {
    ...emptyOffice(`${m.bioguide}-dc`, 'dc'),
    address: t.office ?? t.address?.replace(/\s+Washington,? DC\s+\d{5}(-\d{4})?\s*$/, '') ?? null,
    city: 'Washington',
    state: 'DC',
    zip: zip ?? (t.type === 'sen' ? '20510' : '20515'),
    phone: t.phone ?? null,
    fax: t.fax ?? null,
    timeZone: 'America/New_York',
  };
}

function districtOffice(o: DistrictOfficeRecord, state: StateCode, centroids: Centroids): Office {
  const office: Office = {
    ...emptyOffice(o.id, 'district'),
    address: o.address ?? null,
    suite: o.suite ?? null,
    building: o.building ?? null,
    city: o.city ?? null,
    state: o.state ?? null,
    zip: o.zip ?? null,
    phone: o.phone ?? null,
    fax: o.fax ?? null,
    hours: o.hours ?? null,
    lat: o.latitude ?? null,
    lon: o.longitude ?? null,
  };
  return withTimeZone(office, state, centroids);
}

export function socialAccounts(s: SocialRecord | undefined): SocialAccounts {
  const out: SocialAccounts = {};
  if (!s) return out;
  if (s.twitter) out.twitter = s.twitter;
  if (s.facebook) out.facebook = s.facebook;
  if (s.instagram) out.instagram = s.instagram;
  if (s.youtube) out.youtube = s.youtube;
  else if (s.youtube_id) out.youtube = `channel/${s.youtube_id}`;
  if (s.mastodon) out.mastodon = s.mastodon;
  return out;
}

export function memberOfficial(m: MemberRecord, congress: CongressData, centroids: Centroids): Official {
  const t = m.term;
  const isSenator = t.type === 'sen';
  const district = t.district ?? 0;
  const { role, title } = isSenator ? { role: 'senator' as const, title: 'Senator' } : houseRole(t.state);
  const dc = dcOffice(m);
  const mailing = t.address ? `${t.address.replace(/\s+(Washington),? (DC)\s+/, ', $1, $2 ')}` : null;
  return {
    id: m.bioguide,
    ids: m.ids,
    name: displayName(m.name),
    givenName: m.name.first,
    familyName: m.name.last,
    party: partyName(t.party),
    gender: m.gender,
    role,
    chamber: isSenator ? 'senate' : 'house',
    title,
    state: t.state,
    district: isSenator ? null : String(district),
    divisionId: isSenator ? stateDivision(t.state) : houseDivision(t.state, district),
    seatId: isSenator ? senateSeatId(t.state, t.class ?? 0) : houseSeatId(t.state, district),
    termStart: t.start,
    termEnd: t.end,
    senateClass: isSenator ? (t.class ?? null) : null,
    stateRank: t.state_rank ?? null,
    offices: [
      ...(dc ? [dc] : []),
      ...(congress.offices[m.bioguide] ?? []).map((o) => districtOffice(o, t.state, centroids)),
    ],
    contactForm: t.contact_form ?? null,
    website: t.url ?? null,
    email: null,
    photoUrl: null,
    social: socialAccounts(congress.social[m.bioguide]),
    mailingAddress: mailing,
  };
}
