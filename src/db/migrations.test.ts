import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { migrations } from './migrations/index.ts';

/**
 * A landed migration is never edited: stores that already ran it would never see the change, and
 * new stores would differ from old ones. landed.sha256 (the format of `sha256sum`, over the file
 * with LF line endings) lists every landed migration; a new migration adds its line there in the
 * commit that adds it.
 */
const folder = fileURLToPath(new URL('./migrations/', import.meta.url));

function landed(): Map<string, string> {
  const lines = readFileSync(`${folder}landed.sha256`, 'utf8').split('\n').filter(Boolean);
  return new Map(
    lines.map((line) => {
      const match = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
      assert.ok(match, `landed.sha256: cannot read "${line}"`);
      return [match[2]!, match[1]!];
    }),
  );
}

const hashOf = (file: string) =>
  createHash('sha256')
    .update(readFileSync(`${folder}${file}`, 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

test('landed migrations are unchanged, none is missing, and each is listed in order', () => {
  const recorded = landed();
  const files = readdirSync(folder).filter(
    (f) => /^\d{4}-\d{2}-\d{2}-\d{2}-.+\.ts$/.test(f) && !f.endsWith('.test.ts'),
  );
  const names = Object.keys(migrations);
  assert.deepEqual(
    names.map((n) => `${n}.ts`),
    files.sort(),
    'every migration file is listed in migrations/index.ts, and only those',
  );
  assert.deepEqual(names, [...names].sort(), 'migrations run in the order of their dated names');
  for (const file of files) {
    const hash = recorded.get(file);
    assert.ok(hash, `${file} is not in landed.sha256: add "${hashOf(file)}  ${file}"`);
    assert.equal(hashOf(file), hash, `${file} was edited after it landed: write a new migration instead`);
  }
  for (const file of recorded.keys()) assert.ok(files.includes(file), `landed migration ${file} was removed`);
});
