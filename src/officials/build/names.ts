import type { PersonName } from '../import/congress.ts';

/** The name as published (`official_full`), or one built from its parts when that is missing. */
export function displayName(name: PersonName): string {
  if (name.official_full) return name.official_full;
  const given = name.nickname ?? name.first;
  return (
    [given, name.middle && !name.nickname ? name.middle : null, name.last].filter(Boolean).join(' ') +
    (name.suffix ? `, ${name.suffix}` : '')
  );
}

export function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}
