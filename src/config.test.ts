import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseConfig } from './config.ts';

test('defaults give an embedded SQLite store under var/ and the White House comment line', () => {
  const config = parseConfig({}, '/srv/voz');
  assert.equal(config.port, 3000);
  assert.deepEqual(config.database, { dialect: 'sqlite', path: '/srv/voz/var/voz.sqlite' });
  assert.equal(config.whiteHouse.phone, '202-456-1111');
  assert.equal(config.whiteHouse.contactUrl, 'https://www.whitehouse.gov/contact/');
  assert.equal(config.publicUrl, 'http://localhost:3000');
});

test('a postgres DATABASE_URL selects PostgreSQL', () => {
  const config = parseConfig({ DATABASE_URL: 'postgres://u@db:5432/voz' }, '/srv/voz');
  assert.deepEqual(config.database, { dialect: 'postgres', url: 'postgres://u@db:5432/voz' });
});

test('names every bad key at once', () => {
  assert.throws(
    () => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', GEOCODER: 'bing', WORKERS: '0' }, '/srv'),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      const keys = err.problems.map((p) => p.split(':')[0]).sort();
      assert.deepEqual(keys, ['DATABASE_URL', 'GEOCODER', 'PORT', 'WORKERS']);
      return true;
    },
  );
});

test('geocodio needs an API key', () => {
  assert.throws(() => parseConfig({ GEOCODER: 'geocodio' }, '/srv'), /GEOCODER_API_KEY/);
});

test('numbers are plain decimal digits: blanks, hex and exponents stop start-up, naming the key', () => {
  for (const [key, value] of [
    ['PORT', ' '],
    ['PORT', '0x0D66'],
    ['WORKERS', '1e1'],
    ['GROUP_COMMIT_MS', '4.5'],
    ['ACTIONS_RATE_LIMIT', '-3'],
  ] as const) {
    assert.throws(
      () => parseConfig({ [key]: value }, '/srv'),
      (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith(`${key}:`)),
      `${key}=${JSON.stringify(value)}`,
    );
  }
  assert.equal(parseConfig({ PORT: ' 3510 ', WORKERS: '2' }, '/srv').port, 3510);
  assert.equal(parseConfig({ WORKERS: '2' }, '/srv').workers, 2);
});

test('empty values count as unset', () => {
  assert.equal(parseConfig({ PORT: '', PUBLIC_URL: '' }, '/srv').port, 3000);
});

test('TRUST_PROXY takes false, a number of hops (true is one), or proxy addresses and ranges', () => {
  const trust = (value: string) => parseConfig({ TRUST_PROXY: value }, '/srv');
  assert.deepEqual(trust('false').proxyTrust, { kind: 'none' });
  assert.deepEqual(trust('true').proxyTrust, { kind: 'hops', hops: 1 });
  assert.deepEqual(trust('2').proxyTrust, { kind: 'hops', hops: 2 });
  assert.deepEqual(trust('10.0.0.5, 2001:db8::/32,loopback').proxyTrust, {
    kind: 'ranges',
    ranges: ['10.0.0.5', '2001:db8::/32', 'loopback'],
  });
  assert.deepEqual(parseConfig({}, '/srv').proxyTrust, { kind: 'none' });
  for (const bad of ['10.0.0.0/33', 'proxy.example.org', '11', '10.0.0.1,,']) {
    assert.throws(() => trust(bad), /TRUST_PROXY/, bad);
  }
});
