import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { SOURCES } from './sources.ts';

test('the README names every file voz data sync fetches, with the URL it fetches it from', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
  for (const source of SOURCES) {
    for (const [file, url] of Object.entries(source.files)) {
      const row = rows.find((r) => r.startsWith(`| \`${file}`));
      assert.ok(row, `README has a row for ${file}`);
      assert.ok(row.includes(` ${url} `), `README row for ${file} names ${url}`);
    }
  }
});
