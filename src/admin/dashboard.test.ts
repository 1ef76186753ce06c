import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countAttemptsByKey, summarizeTargets } from './dashboard.tsx';

test('the share that reached a person counts calls only, never written messages', () => {
  const [governor, mayor] = summarizeTargets(
    [
      { target: 'governor:ca', channel: 'call', outcome: 'contacted', count: 1 },
      { target: 'governor:ca', channel: 'email', outcome: 'contacted', count: 1 },
      { target: 'governor:ca', channel: 'form', outcome: 'contacted', count: 2 },
      { target: 'custom-mayor', channel: 'call', outcome: 'voicemail', count: 3 },
      { target: 'custom-mayor', channel: 'call', outcome: 'contacted', count: 1 },
    ],
    (id) => (id === 'governor:ca' ? 'Governor Gavin Newsom' : 'Mayor'),
  );
  assert.deepEqual(governor, {
    target: 'governor:ca',
    label: 'Governor Gavin Newsom',
    total: 4,
    calls: 1,
    messages: 3,
    reached: 1,
    skipped: 0,
  });
  assert.deepEqual([mayor?.calls, mayor?.reached, mayor?.messages], [4, 1, 0]);
});

test('a skip is neither a call nor a message, and reached a person is contacted over call attempts', () => {
  const [senator] = summarizeTargets(
    [
      { target: 'senate:ca:1', channel: 'call', outcome: 'contacted', count: 1 },
      { target: 'senate:ca:1', channel: 'call', outcome: 'voicemail', count: 1 },
      { target: 'senate:ca:1', channel: 'call', outcome: 'unavailable', count: 1 },
      { target: 'senate:ca:1', channel: 'call', outcome: 'skipped', count: 1 },
      { target: 'senate:ca:1', channel: 'email', outcome: 'skipped', count: 2 },
    ],
    () => 'Senator',
  );
  assert.deepEqual(
    [senator?.total, senator?.calls, senator?.reached, senator?.messages, senator?.skipped],
    [3, 3, 1, 0, 3],
  );
});

test('the daily series counts attempts only, so a day of skips has no bar', () => {
  assert.deepEqual(
    countAttemptsByKey([
      { key: '2026-03-03', outcome: 'voicemail', count: 1 },
      { key: '2026-03-02', outcome: 'contacted', count: 2 },
      { key: '2026-03-01', outcome: 'skipped', count: 4 },
      { key: '2026-03-02', outcome: 'skipped', count: 1 },
      { key: '2026-03-02', outcome: 'unavailable', count: 1 },
    ]),
    [
      { key: '2026-03-02', count: 3 },
      { key: '2026-03-03', count: 1 },
    ],
  );
});
