import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { buildApp, type VozApp } from '../app.ts';
import { runCli } from '../cli/main.ts';
import { captureIo } from '../cli/testing.ts';
import { fixedClock } from '../clock.ts';
import { createTestStore, type TestStore } from '../db/testing.ts';
import { silentLogger } from '../log.ts';
import { createLookupCommands } from './cli.ts';
import { mirrorData, mirrorDirectory, TEST_NOW, testConfig } from './testing.ts';

let store: TestStore;
let voz: VozApp;

before(async () => {
  store = await createTestStore('sqlite');
  const { directory, clock } = await mirrorDirectory();
  voz = buildApp({ config: testConfig(), db: store.handle, directory, clock, logger: silentLogger });
});

after(async () => {
  await voz.close();
  await store.dispose();
});

async function run(args: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
  const [command] = createLookupCommands({ clock: fixedClock(TEST_NOW), load: () => mirrorData() });
  const c = captureIo();
  const code = await command!.run(args, { ...c.io, config: testConfig });
  return { code, out: c.out(), err: c.err() };
}

test('voz lookup prints a table of seats, names, parties, phones and contacts', async () => {
  const { code, out } = await run(['94110']);
  assert.equal(code, 0);
  assert.match(out, /^zip 94110 \(California\): exact/);
  assert.match(out, /Seat\s+Name\s+Party\s+Phone\s+Contact/);
  assert.match(out, /President of the United States\s+\S/);
  assert.match(out, /202-456-1111/);
  assert.equal((out.match(/Senate/g) ?? []).length, 2);
});

test('voz lookup explains a split ZIP and lists the candidate districts', async () => {
  const { out } = await run(['90210']);
  assert.match(out, /split between 3 congressional districts/);
  assert.match(out, /Possible House districts/);
  assert.match(out, /30th congressional district/);
});

test('voz lookup reads state names of several words, districts and coordinates', async () => {
  assert.match((await run(['Carolina', 'del', 'Norte'])).out, /^state NC \(North Carolina\): state only/);
  assert.match((await run(['CA-14'])).out, /\(vacant\)/);
  assert.match((await run(['37.7599,-122.4148'])).out, /^point 37.7599,-122.4148 \(California\): exact/);
});

test('voz lookup --json prints exactly the API JSON', async () => {
  const { out } = await run(['20001', '--json']);
  const api = await (await voz.app.request('/api/v1/officials?zip=20001')).text();
  assert.equal(out, `${api}\n`);
});

test('bad input prints one line on stderr and exits non-zero', async () => {
  for (const args of [['lookup', '1234'], ['lookup', 'Narnia'], ['lookup'], ['lookup', '94110', '--frobnicate']]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d) => {
      err += d;
    });
    const code = await runCli(args, { stdout, stderr, stdin: new PassThrough(), config: testConfig });
    assert.notEqual(code, 0, args.join(' '));
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.match(err, /^voz lookup: /);
  }
});

test('a district that does not exist exits non-zero with the reason', async () => {
  await assert.rejects(run(['CA-99']), /no district CA-99/);
});

test('voz lookup of a ZIP that spans states lists each state’s senators, governor and district', async () => {
  const { code, out } = await run(['30165']);
  assert.equal(code, 0);
  assert.match(out, /^zip 30165: zip spans states/);
  for (const state of ['Alabama', 'Georgia']) {
    const section = out.split(`If you live in ${state}:`)[1]?.split('If you live in')[0] ?? '';
    assert.equal((section.match(/U\.S\. Senate seat for /g) ?? []).length, 2, state);
    assert.match(section, new RegExp(`Governor of ${state}\\s+\\S`));
    assert.match(section, new RegExp(`${state}'s \\d+\\w\\w congressional district`));
  }
});

test('voz lookup shows a seat whose holder is not in the data as such, with the office’s own line', async () => {
  const { code, out } = await run(['NC']);
  assert.equal(code, 0);
  assert.match(
    out,
    /Governor of North Carolina\s+\(current holder not in the data\)\s+919-814-2000\s+https:\/\/governor\.nc\.gov\//,
  );
  assert.doesNotMatch(out, /Roy Cooper/);
});
