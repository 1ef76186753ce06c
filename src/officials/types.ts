import type { Chamber, Confidence, OcdId, Role, StateCode } from '../domain.ts';

/**
 * One model for every official Voz knows: members of Congress, the President and Vice President,
 * governors and state executives, state legislators. Importers produce these; lookups return them.
 */

export interface Office {
  id: string;
  /** `dc`: the Washington office; `capitol`: a state capitol office; `district`: a local office. */
  kind: 'dc' | 'capitol' | 'district';
  address: string | null;
  suite: string | null;
  building: string | null;
  city: string | null;
  state: StateCode | null;
  zip: string | null;
  phone: string | null;
  fax: string | null;
  hours: string | null;
  lat: number | null;
  lon: number | null;
  /** IANA zone, so a page can say whether the office is open now in its own local time. */
  timeZone: string | null;
}

export interface SocialAccounts {
  twitter?: string;
  facebook?: string;
  instagram?: string;
  youtube?: string;
  mastodon?: string;
}

export interface Official {
  /** bioguide id for federal officials (`P000145`), ocd-person id for state officials. */
  id: string;
  /** Other identifiers (govtrack, fec, openstates, …) as strings. */
  ids: Record<string, string>;
  name: string;
  givenName: string | null;
  familyName: string | null;
  party: string | null;
  /** As published (congress-legislators `bio.gender`, Open States `gender`); Spanish titles agree with it. */
  gender: 'F' | 'M' | null;
  role: Role;
  chamber: Chamber;
  /** English title for display and templates: "Senator", "Representative", "Delegate", "Governor", … */
  title: string;
  state: StateCode | null;
  /** House: "12", or "0" for at-large and delegate seats. State legislature: the district name as published. */
  district: string | null;
  divisionId: OcdId;
  seatId: string;
  termStart: string | null;
  termEnd: string | null;
  senateClass: 1 | 2 | 3 | null;
  stateRank: 'junior' | 'senior' | null;
  offices: Office[];
  contactForm: string | null;
  website: string | null;
  email: string | null;
  photoUrl: string | null;
  social: SocialAccounts;
  /** One line for letters, e.g. "511 Hart Senate Office Building, Washington, DC 20510" (Open States `*-mail` offices). */
  mailingAddress?: string | null;
}

/**
 * Seats are first-class: a seat exists whether or not anyone holds it, so a vacancy can be shown
 * as such. Ids are stable strings: `president`, `vice-president`, `senate:ca:1` (class),
 * `house:ca:12`, `house:ak:0`, `governor:ca`, `state-exec:ca:attorney_general`,
 * `sldu:ca:12`, `sldl:ca:80`, `legislature:ne:12`.
 */
export interface Seat {
  id: string;
  chamber: Chamber;
  role: Role;
  state: StateCode | null;
  district: string | null;
  divisionId: OcdId;
  /** English label such as "California's 12th congressional district" or "Senate seat, class 1". */
  label: string;
  officialId: string | null;
  /** Set when the seat has no holder in the data but is not known to be vacant (officialId is null). */
  holderUnknown?: UnknownHolder | null;
}

/**
 * Why Voz cannot name a seat's holder, though nothing says the seat is empty: the holder's record
 * could not be read, or the last recorded holder's term had ended before the data was published
 * (so the data does not say who holds it now), or the data records nobody in an office that is
 * never left empty (a governorship: Open States records people, not vacancies).
 */
export interface UnknownHolder {
  reason: 'record_not_loaded' | 'term_ended_before_data' | 'no_record';
  /** English, for people reading the API or the CLI. */
  note: string;
  /** The office's own website and phone, from the last holder's record, when the data has them. */
  website: string | null;
  phone: string | null;
}

/** A seat and who holds it, as answered by a lookup. */
export interface Representation {
  seat: Seat;
  official: Official | null;
  /** The data says nobody holds the seat. */
  vacant: boolean;
  /** The seat is held, but the data cannot say by whom: `seat.holderUnknown` says why. */
  holderUnknown: boolean;
  /** The holder's recorded term ended before today: the data may be out of date. */
  mayBeOutOfDate: boolean;
}

export interface DistrictShape {
  divisionId: OcdId;
  state: StateCode;
  district: string;
  bbox: [minLon: number, minLat: number, maxLon: number, maxLat: number];
  /** GeoJSON MultiPolygon coordinates: polygons → rings → [lon, lat]. */
  polygons: number[][][][];
}

export interface ZctaEntry {
  lat: number | null;
  lon: number | null;
  /** House district divisions the ZCTA touches (one for most; up to six for split ZCTAs). */
  districts: OcdId[];
  /** A row of the crosswalk for this ZCTA could not be read: its districts are not all known. */
  incomplete?: boolean;
  /**
   * The crosswalk's own list, kept when the boundary check added a candidate to `districts`
   * (build/crosswalk-check.ts); absent when the two agree.
   */
  crosswalk?: OcdId[];
}

export interface SourceStatus {
  name: string;
  files: string[];
  upstreamUrl: string;
  license: string;
  /** Upstream commit and date the mirror was taken from, when known. */
  commit: string | null;
  date: string | null;
  counts: Record<string, number>;
}

export interface DataStatus {
  /** Date of the oldest source snapshot: "officials data as of …". */
  vintage: string;
  importedAt: string;
  dataDir: string;
  sources: SourceStatus[];
  counts: Record<string, number>;
  warnings: string[];
  /** Set when the data directory failed validation and the last good data is served instead. */
  degraded?: DegradedStatus | null;
}

export interface DegradedStatus {
  /** What happened and what is served, in English (no server paths: the status is public). */
  message: string;
  /** The problems that keep the data directory from being served, as `file:line: message`. */
  problems: string[];
  /** When the data now served was validated (ISO time), if known. */
  lastGoodValidatedAt: string | null;
}

/** Everything the importers produce: serialisable, so it can be cached as a snapshot. */
export interface DirectoryData {
  status: DataStatus;
  officials: Official[];
  seats: Seat[];
  zctas: Record<string, ZctaEntry>;
  districts: DistrictShape[];
}

/**
 * One possible House district of an ambiguous answer, with what a supporter needs to choose it and
 * act on it: its member, and its state's senators and governor (for a ZIP that spans states,
 * the answer's own `representations` cannot hold them, since neither state is certain).
 */
export interface Candidate {
  state: StateCode;
  district: string;
  divisionId: OcdId;
  label: string;
  representative: Representation | null;
  /**
   * Only when the candidates lie in more than one state: this state's senators, senior first (none
   * for DC and the territories). Candidates in one state share them, in the answer's representations.
   */
  senators?: Representation[];
  /** Likewise: this state's governor (DC's mayor), null when the data has no such seat. */
  governor?: Representation | null;
}

export interface LookupQuery {
  kind: 'zip' | 'state' | 'district' | 'point' | 'address';
  value: string;
}

export interface LookupResult {
  query: LookupQuery;
  confidence: Confidence;
  /** Advice for the supporter when the answer is not exact (English; pages translate by confidence). */
  message: string | null;
  /** Set when the lookup pins down one state. */
  state: StateCode | null;
  /** Divisions known for certain, most general first. */
  divisions: OcdId[];
  /** When several districts or states are possible: each, with its representative. */
  candidates: Candidate[];
  /** Every seat that certainly represents the place: President, VP, senators, the House seat if known, state officials. */
  representations: Representation[];
}
