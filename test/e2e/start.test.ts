import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startVozServer } from '../support/voz-server.ts';

/**
 * The quick start: `npm start` on a fresh runtime folder imports the officials data (in the bundled
 * prepare worker), migrates a new SQLite store, creates the demo campaign and serves it, and the
 * bundled SQLite writer records an outcome.
 */
test('npm start on a fresh install serves the demo campaign and records an outcome', { timeout: 120_000 }, async () => {
  const varDir = mkdtempSync(path.join(tmpdir(), 'voz-start-'));
  const server = await startVozServer(
    { VAR_DIR: varDir, SQLITE_PATH: path.join(varDir, 'voz.sqlite'), LOG_LEVEL: 'info' },
    { timeoutMs: 110_000 },
  );
  try {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    const page = await fetch(`${server.url}/c/protect-asylum/officials?zip=94110`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Padilla/);
    const officials = (await (await fetch(`${server.url}/api/v1/officials?zip=94110`)).json()) as {
      confidence: string;
      candidates: Array<{ seats: unknown[] }>;
    };
    assert.equal(officials.confidence, 'exact');
    const report = await fetch(`${server.url}/api/v1/campaigns/protect-asylum/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        target: 'president',
        channel: 'call',
        outcome: 'contacted',
        state: 'CA',
        district: '11',
        language: 'en',
      }),
    });
    assert.equal(report.status, 201, await report.clone().text());
    // The public counter is cached for a couple of seconds (counts.ts); the page above read it.
    let total = 0;
    for (let tries = 0; tries < 40 && total !== 1; tries++) {
      if (tries > 0) await new Promise((r) => setTimeout(r, 250));
      const counts = await fetch(`${server.url}/api/v1/campaigns/protect-asylum/counts`);
      total = ((await counts.json()) as { total: number }).total;
    }
    assert.equal(total, 1, 'a fresh store holds exactly the one reported action');
    assert.ok(
      server.logs.some((line) => line.includes('"fromSnapshot":false')),
      'the data was imported, not read from a snapshot',
    );
  } finally {
    await server.stop();
    rmSync(varDir, { recursive: true, force: true });
  }
});
