import type { ImportedSources } from '../import/read-sources.ts';

/**
 * The day each roster was published, as far as the data tells: its upstream commit date (the
 * sync manifest or the mirror's README), else the newest start date in it that has come. A term
 * recorded as ending before that day had ended when the data was written, so it is known to be
 * over; one ending after it may have been renewed since ("may be out of date").
 */
export function publishedOn(
  sources: ImportedSources,
  today: string,
): { congress: string | null; openstates: string | null } {
  const newest = (dates: (string | null | undefined)[]) =>
    dates.reduce<string | null>((max, d) => (d && d <= today && (!max || d > max) ? d : max), null);
  return {
    congress: sources.meta.congress?.date ?? newest(sources.congress.members.map((m) => m.term.start)),
    openstates:
      sources.meta.openstates?.date ?? newest(sources.openstates.flatMap((p) => p.roles.map((r) => r.start_date))),
  };
}
