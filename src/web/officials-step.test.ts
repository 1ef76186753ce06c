import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActionsContext } from '../actions/context.ts';
import type { CampaignCounts } from '../actions/counts.ts';
import type { Campaign } from '../campaigns/campaign.ts';
import { createLogger } from '../log.ts';
import { attemptsCounter } from './officials-step.tsx';

test('an unreadable counter hides the count, and an outage is logged once, not on every page', async () => {
  const answers: Array<Partial<CampaignCounts> | Error> = [
    new Error('database is locked'),
    new Error('database is locked'),
    { byOutcome: { contacted: 2, voicemail: 1, unavailable: 0, skipped: 5 } },
    new Error('connection terminated'),
  ];
  const counts = {
    get: async () => {
      const next = answers.shift()!;
      if (next instanceof Error) throw next;
      return next as CampaignCounts;
    },
  } as unknown as ActionsContext['counts'];
  const lines: string[] = [];
  const count = attemptsCounter({ counts, logger: createLogger('info', (line) => lines.push(line)) });
  const campaign = { id: 1, slug: 'protect-asylum' } as Campaign;
  assert.deepEqual(
    [await count(campaign), await count(campaign), await count(campaign), await count(campaign)],
    [null, null, 3, null],
  );
  const warnings = lines.map((l) => JSON.parse(l) as { level: string; error: string });
  assert.deepEqual(
    warnings.map((w) => [w.level, w.error]),
    [
      ['warn', 'database is locked'],
      ['warn', 'connection terminated'],
    ],
  );
});
