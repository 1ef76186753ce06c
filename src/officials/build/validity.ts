import type { ImportedSources } from '../import/read-sources.ts';

/**
 * The assembled directory depends on the day only through comparisons with dates in the data
 * (term and role starts and ends), so it stays the same from the latest such date on or before
 * today until the next one. A snapshot of it is reused within that window.
 */
export function validityWindow(sources: ImportedSources, today: string): { from: string; until: string } {
  let from = '0000-00-00';
  let until = '9999-99-99';
  const consider = (d: string | null | undefined) => {
    if (!d) return;
    if (d <= today) {
      if (d > from) from = d;
    } else if (d < until) until = d;
  };
  for (const m of sources.congress.members) {
    consider(m.term.start);
    consider(m.term.end);
  }
  for (const e of sources.congress.executives) {
    for (const t of e.terms) {
      consider(t.start);
      consider(t.end);
    }
  }
  for (const p of sources.openstates) {
    for (const r of p.roles) {
      consider(r.start_date);
      consider(r.end_date);
    }
  }
  return { from, until };
}
