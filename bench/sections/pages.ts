import type { Figure, Section } from '../harness.ts';
import { BUDGET, measurePages } from '../pages.ts';

/** The supporter pages' budget: bytes on the wire, other hosts, Lighthouse mobile scores. */
export const section: Section = {
  name: 'pages',
  async run(): Promise<Figure[]> {
    const figures = await measurePages((line) => process.stderr.write(`${line}\n`));
    const out: Figure[] = [];
    const [campaign, ...others] = figures.weights;
    if (campaign) {
      out.push({
        name: `campaign page, compressed total (${campaign.path})`,
        value: Math.round((campaign.transferBytes / 1024) * 10) / 10,
        unit: 'KB',
        goal: { kind: 'max', value: BUDGET.maxKb },
        note: `HTML, CSS and JS in ${campaign.requests} requests, first visit`,
      });
    }
    for (const w of others) {
      out.push({
        name: `page compressed total (${w.path})`,
        value: Math.round((w.transferBytes / 1024) * 10) / 10,
        unit: 'KB',
      });
    }
    out.push({
      name: 'requests to other hosts',
      value: figures.weights.reduce((n, w) => n + w.foreignRequests.length, 0),
      unit: 'requests',
      goal: { kind: 'max', value: 0 },
    });
    for (const [i, s] of figures.lighthouse.entries()) {
      out.push({
        name: `Lighthouse mobile performance (${s.path})`,
        value: s.performance,
        unit: 'score',
        // The budget names the campaign page (the first); the officials step is for information.
        ...(i === 0 ? { goal: { kind: 'min' as const, value: BUDGET.minPerformance } } : {}),
        note: `FCP ${s.fcpMs} ms, LCP ${s.lcpMs} ms, TBT ${s.tbtMs} ms`,
      });
      out.push({
        name: `Lighthouse accessibility (${s.path})`,
        value: s.accessibility,
        unit: 'score',
        goal: { kind: 'min', value: BUDGET.minAccessibility },
      });
    }
    return out;
  },
};
