import type { Language, StateCode } from '../../domain.ts';

/** Display names of states and territories, for the state picker and "For California, district 12". */
const NAMES: Record<StateCode, [en: string, es: string]> = {
  AL: ['Alabama', 'Alabama'],
  AK: ['Alaska', 'Alaska'],
  AZ: ['Arizona', 'Arizona'],
  AR: ['Arkansas', 'Arkansas'],
  CA: ['California', 'California'],
  CO: ['Colorado', 'Colorado'],
  CT: ['Connecticut', 'Connecticut'],
  DE: ['Delaware', 'Delaware'],
  FL: ['Florida', 'Florida'],
  GA: ['Georgia', 'Georgia'],
  HI: ['Hawaii', 'Hawái'],
  ID: ['Idaho', 'Idaho'],
  IL: ['Illinois', 'Illinois'],
  IN: ['Indiana', 'Indiana'],
  IA: ['Iowa', 'Iowa'],
  KS: ['Kansas', 'Kansas'],
  KY: ['Kentucky', 'Kentucky'],
  LA: ['Louisiana', 'Luisiana'],
  ME: ['Maine', 'Maine'],
  MD: ['Maryland', 'Maryland'],
  MA: ['Massachusetts', 'Massachusetts'],
  MI: ['Michigan', 'Míchigan'],
  MN: ['Minnesota', 'Minnesota'],
  MS: ['Mississippi', 'Misisipi'],
  MO: ['Missouri', 'Misuri'],
  MT: ['Montana', 'Montana'],
  NE: ['Nebraska', 'Nebraska'],
  NV: ['Nevada', 'Nevada'],
  NH: ['New Hampshire', 'Nuevo Hampshire'],
  NJ: ['New Jersey', 'Nueva Jersey'],
  NM: ['New Mexico', 'Nuevo México'],
  NY: ['New York', 'Nueva York'],
  NC: ['North Carolina', 'Carolina del Norte'],
  ND: ['North Dakota', 'Dakota del Norte'],
  OH: ['Ohio', 'Ohio'],
  OK: ['Oklahoma', 'Oklahoma'],
  OR: ['Oregon', 'Oregón'],
  PA: ['Pennsylvania', 'Pensilvania'],
  RI: ['Rhode Island', 'Rhode Island'],
  SC: ['South Carolina', 'Carolina del Sur'],
  SD: ['South Dakota', 'Dakota del Sur'],
  TN: ['Tennessee', 'Tennessee'],
  TX: ['Texas', 'Texas'],
  UT: ['Utah', 'Utah'],
  VT: ['Vermont', 'Vermont'],
  VA: ['Virginia', 'Virginia'],
  WA: ['Washington', 'Washington'],
  WV: ['West Virginia', 'Virginia Occidental'],
  WI: ['Wisconsin', 'Wisconsin'],
  WY: ['Wyoming', 'Wyoming'],
  DC: ['District of Columbia', 'Distrito de Columbia'],
  PR: ['Puerto Rico', 'Puerto Rico'],
  GU: ['Guam', 'Guam'],
  VI: ['U.S. Virgin Islands', 'Islas Vírgenes de EE. UU.'],
  AS: ['American Samoa', 'Samoa Estadounidense'],
  MP: ['Northern Mariana Islands', 'Islas Marianas del Norte'],
};

export const stateName = (code: StateCode, lang: Language): string => NAMES[code][lang === 'es' ? 1 : 0];

/** DC and the territories in the middle of a sentence, with the article some of their names take. */
const IN_SENTENCE: Partial<Record<StateCode, [en: string, es: string]>> = {
  DC: ['the District of Columbia', 'el Distrito de Columbia'],
  VI: ['the U.S. Virgin Islands', 'las Islas Vírgenes de EE. UU.'],
  MP: ['the Northern Mariana Islands', 'las Islas Marianas del Norte'],
};

export const stateInSentence = (code: StateCode, lang: Language): string =>
  IN_SENTENCE[code]?.[lang === 'es' ? 1 : 0] ?? stateName(code, lang);

/** Codes sorted by their name in the given language, for the picker. */
export function statesByName(lang: Language): StateCode[] {
  const collator = new Intl.Collator(lang);
  return (Object.keys(NAMES) as StateCode[]).sort((a, b) => collator.compare(stateName(a, lang), stateName(b, lang)));
}
