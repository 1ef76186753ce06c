import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summarizeTargets } from './dashboard.tsx';

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
  });
  assert.deepEqual([mayor?.calls, mayor?.reached, mayor?.messages], [4, 1, 0]);
});
