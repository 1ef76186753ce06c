import { isStateCode, type StateCode } from '../domain.ts';

/**
 * State names in English and Spanish, so "Nueva York", "carolina del norte" and "HAWÁI" all find
 * their state. Spanish names follow the forms used by USA.gov en Español and the Real Academia's
 * list of U.S. state names; common variants (with or without accents, "Washington D. C.") are folded
 * by `foldName`, so only genuinely different words need their own entry.
 */
const NAMES: Record<StateCode, { en: string; es: string; also?: string[] }> = {
  AL: { en: 'Alabama', es: 'Alabama' },
  AK: { en: 'Alaska', es: 'Alaska' },
  AZ: { en: 'Arizona', es: 'Arizona' },
  AR: { en: 'Arkansas', es: 'Arkansas' },
  CA: { en: 'California', es: 'California' },
  CO: { en: 'Colorado', es: 'Colorado' },
  CT: { en: 'Connecticut', es: 'Connecticut' },
  DE: { en: 'Delaware', es: 'Delaware' },
  FL: { en: 'Florida', es: 'Florida' },
  GA: { en: 'Georgia', es: 'Georgia' },
  HI: { en: 'Hawaii', es: 'Hawái', also: ["Hawai'i", 'Hawaiʻi'] },
  ID: { en: 'Idaho', es: 'Idaho' },
  IL: { en: 'Illinois', es: 'Illinois' },
  IN: { en: 'Indiana', es: 'Indiana' },
  IA: { en: 'Iowa', es: 'Iowa' },
  KS: { en: 'Kansas', es: 'Kansas' },
  KY: { en: 'Kentucky', es: 'Kentucky' },
  LA: { en: 'Louisiana', es: 'Luisiana' },
  ME: { en: 'Maine', es: 'Maine' },
  MD: { en: 'Maryland', es: 'Maryland' },
  MA: { en: 'Massachusetts', es: 'Massachusetts' },
  MI: { en: 'Michigan', es: 'Míchigan' },
  MN: { en: 'Minnesota', es: 'Minnesota' },
  MS: { en: 'Mississippi', es: 'Misisipi', also: ['Misisipí'] },
  MO: { en: 'Missouri', es: 'Misuri' },
  MT: { en: 'Montana', es: 'Montana' },
  NE: { en: 'Nebraska', es: 'Nebraska' },
  NV: { en: 'Nevada', es: 'Nevada' },
  NH: { en: 'New Hampshire', es: 'Nuevo Hampshire' },
  NJ: { en: 'New Jersey', es: 'Nueva Jersey' },
  NM: { en: 'New Mexico', es: 'Nuevo México' },
  NY: { en: 'New York', es: 'Nueva York' },
  NC: { en: 'North Carolina', es: 'Carolina del Norte' },
  ND: { en: 'North Dakota', es: 'Dakota del Norte' },
  OH: { en: 'Ohio', es: 'Ohio' },
  OK: { en: 'Oklahoma', es: 'Oklahoma' },
  OR: { en: 'Oregon', es: 'Oregón' },
  PA: { en: 'Pennsylvania', es: 'Pensilvania' },
  RI: { en: 'Rhode Island', es: 'Rhode Island' },
  SC: { en: 'South Carolina', es: 'Carolina del Sur' },
  SD: { en: 'South Dakota', es: 'Dakota del Sur' },
  TN: { en: 'Tennessee', es: 'Tennessee', also: ['Tenesí'] },
  TX: { en: 'Texas', es: 'Texas', also: ['Tejas'] },
  UT: { en: 'Utah', es: 'Utah' },
  VT: { en: 'Vermont', es: 'Vermont' },
  VA: { en: 'Virginia', es: 'Virginia' },
  WA: { en: 'Washington', es: 'Washington' },
  WV: { en: 'West Virginia', es: 'Virginia Occidental', also: ['Virginia del Oeste'] },
  WI: { en: 'Wisconsin', es: 'Wisconsin' },
  WY: { en: 'Wyoming', es: 'Wyoming' },
  DC: {
    en: 'District of Columbia',
    es: 'Distrito de Columbia',
    also: ['Washington DC', 'Washington D.C.', 'D.C.', 'Washington, D.C.'],
  },
  PR: { en: 'Puerto Rico', es: 'Puerto Rico' },
  GU: { en: 'Guam', es: 'Guam' },
  VI: {
    en: 'U.S. Virgin Islands',
    es: 'Islas Vírgenes de los Estados Unidos',
    also: ['Virgin Islands', 'US Virgin Islands', 'United States Virgin Islands', 'Islas Vírgenes'],
  },
  AS: { en: 'American Samoa', es: 'Samoa Americana', also: ['Samoa Estadounidense'] },
  MP: {
    en: 'Northern Mariana Islands',
    es: 'Islas Marianas del Norte',
    also: ['Commonwealth of the Northern Mariana Islands', 'Marianas del Norte'],
  },
};

/** Lower case, no accents, no punctuation, single spaces: "Hawái" and "hawaii" meet at "hawaii". */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(the|state of|estado de|el estado de) /, '');
}

const byName = new Map<string, StateCode>();
for (const [code, names] of Object.entries(NAMES) as [StateCode, (typeof NAMES)[StateCode]][]) {
  for (const name of [names.en, names.es, ...(names.also ?? [])]) byName.set(foldName(name), code);
}

/** A state, DC or territory from its USPS code or its English or Spanish name; null if none matches. */
export function parseState(value: string): StateCode | null {
  const trimmed = value.trim();
  if (trimmed.length === 2) {
    const code = trimmed.toUpperCase();
    return isStateCode(code) ? code : null;
  }
  if (trimmed.length > 60) return null;
  return byName.get(foldName(trimmed)) ?? null;
}

export function stateName(code: StateCode, language: 'en' | 'es' = 'en'): string {
  return NAMES[code][language];
}
