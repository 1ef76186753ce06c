import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatProblem } from './problems.ts';
import { readSources } from './read-sources.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
let dir: string;

/** A copy of the tiny fixture tree with one file replaced by its malformed version. */
async function treeWith(malformed: string, target: string): Promise<string> {
  const tree = await mkdtemp(path.join(dir, 'tree-'));
  await cp(path.join(fixtures, 'tiny'), tree, { recursive: true });
  await cp(path.join(fixtures, 'malformed', malformed), path.join(tree, target));
  return tree;
}

async function problemsFor(malformed: string, target: string): Promise<string[]> {
  const result = await readSources(await treeWith(malformed, target));
  return (result.ok ? result.sources.problems : result.problems).map(formatProblem);
}

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'voz-malformed-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('the tiny fixture tree itself has no problems', async () => {
  const result = await readSources(path.join(fixtures, 'tiny'));
  assert.ok(result.ok);
  assert.deepEqual(result.sources.problems, []);
});

test('reports each malformed legislator at the line of its bad field, not where the record starts', async () => {
  const file = 'congress-legislators/legislators-current.json';
  const problems = await problemsFor('legislators-current.json', file);
  assert.equal(problems.length, 3, problems.join('\n'));
  // X000002's record starts on line 7; its bad start date is in the term on line 10.
  assert.match(
    problems[0]!,
    /^congress-legislators\/legislators-current\.json:10: legislator X000002, last term: start: /,
  );
  // A missing field is reported where its enclosing object is: the `id` on line 13.
  assert.match(problems[1]!, /^congress-legislators\/legislators-current\.json:13: legislator #3: id\.bioguide: /);
  assert.match(
    problems[2]!,
    /^congress-legislators\/legislators-current\.json:20: legislator X000004, last term: state: /,
  );
});

test('reports a JSON syntax error as fatal, with its line', async () => {
  const result = await readSources(await treeWith('executive.json', 'congress-legislators/executive.json'));
  assert.equal(result.ok, false);
  const [problem] = result.ok ? [] : result.problems;
  assert.equal(problem?.severity, 'fatal');
  assert.match(formatProblem(problem!), /^congress-legislators\/executive\.json:5: not valid JSON/);
});

test('reports malformed CSV rows by line and keeps the good ones', async () => {
  const problems = await problemsFor('zccd.csv', 'zip-district/zccd.csv');
  assert.deepEqual(problems, [
    'zip-district/zccd.csv:3: expected 4 fields, found 3',
    'zip-district/zccd.csv:4: unknown state "XX"',
    'zip-district/zccd.csv:5: ZCTA "5401" is not five digits',
    'zip-district/zccd.csv:6: DC has no district 7 (1 seat(s))',
    'zip-district/zccd.csv:7: state FIPS "33" does not match VT (50)',
  ]);
});

test('reports malformed centroids by the line of their key', async () => {
  const problems = await problemsFor('zcta_latloncentroid_2020.json', 'zcta-centroids/zcta_latloncentroid_2020.json');
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.equal(problems[0], 'zcta-centroids/zcta_latloncentroid_2020.json:3: ZCTA "5402" is not five digits');
  assert.match(problems[1]!, /^zcta-centroids\/zcta_latloncentroid_2020\.json:4: ZCTA 20001: 0: not a decimal number/);
});

test('reports malformed boundary features by line', async () => {
  const problems = await problemsFor(
    'congressional_districts.geojson',
    'district-boundaries/congressional_districts_119_cb2024_20m.geojson',
  );
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0]!, /geojson:11: feature #2: unknown STATEFP "99"/);
  assert.match(problems[1]!, /geojson:17: feature #3: geometry/);
});

test('reports broken YAML documents by line and loads the others', async () => {
  const tree = await treeWith('legislature.yml', 'openstates-people/vt/legislature.yml');
  const result = await readSources(tree);
  assert.ok(result.ok);
  const problems = result.sources.problems.map(formatProblem);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems[0]!, /^openstates-people\/vt\/legislature\.yml:16: not valid YAML: /);
  assert.match(problems[1]!, /^openstates-people\/vt\/legislature\.yml:19: person: roles: /);
  assert.match(problems[2]!, /^openstates-people\/vt\/legislature\.yml:23: person: id: not an ocd-person id/);
  assert.match(problems[3]!, /^openstates-people\/vt\/legislature\.yml:37: person: roles\.0\.start_date: /);
  assert.ok(result.sources.openstates.some((p) => p.name === 'Good Person' && p.state === 'VT'));
});

test('reports a missing file as fatal', async () => {
  const tree = await mkdtemp(path.join(dir, 'tree-'));
  await cp(path.join(fixtures, 'tiny'), tree, { recursive: true });
  await rm(path.join(tree, 'zip-district/zccd.csv'));
  const result = await readSources(tree);
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), ['zip-district/zccd.csv: file is missing']);
});

/** A copy of the tiny tree with one Open States bundle rewritten. */
async function treeWithBundle(rel: string, rewrite: (text: string) => string | null): Promise<string> {
  const tree = await mkdtemp(path.join(dir, 'tree-'));
  await cp(path.join(fixtures, 'tiny'), tree, { recursive: true });
  const file = path.join(tree, 'openstates-people', rel);
  const text = rewrite(await readFile(file, 'utf8'));
  if (text === null) await rm(file);
  else await writeFile(file, text);
  return tree;
}

test('a state folder without its executives file is an error that marks the state’s people unloaded', async () => {
  const result = await readSources(await treeWithBundle('vt/executive.yml', () => null));
  assert.ok(result.ok);
  const errors = result.sources.problems.filter((p) => p.severity !== 'warning');
  assert.deepEqual(errors.map(formatProblem), [
    'openstates-people/vt/executive.yml: file is missing: the data would name no state executives for VT',
  ]);
  assert.deepEqual(errors[0]?.skipped, { kind: 'state_person', state: 'VT', executive: true });
});

test('an empty Open States file is an error, not a state without officials', async () => {
  const result = await readSources(await treeWithBundle('vt/legislature.yml', () => '# nothing here\n'));
  assert.ok(result.ok);
  assert.deepEqual(result.sources.problems.filter((p) => p.severity === 'error').map(formatProblem), [
    'openstates-people/vt/legislature.yml: file has no people: the data would name no legislators for VT',
  ]);
});

test('an unknown role type in the state’s own jurisdiction is reported at its line', async () => {
  const tree = await treeWithBundle('vt/executive.yml', (text) => text.replace('type: governor', 'type: govrnor'));
  const result = await readSources(tree);
  assert.ok(result.ok);
  const text = await readFile(path.join(tree, 'openstates-people/vt/executive.yml'), 'utf8');
  const line = text.split('\n').findIndex((l) => l.includes('type: govrnor')) + 1;
  assert.deepEqual(result.sources.problems.filter((p) => p.severity === 'error').map(formatProblem), [
    `openstates-people/vt/executive.yml:${line}: person: role type "govrnor" is not one Voz knows`,
  ]);
});

test('a past office in another government (a city’s mayor) is no problem', async () => {
  const tree = await treeWithBundle('vt/executive.yml', (text) =>
    text.replace(
      '  - start_date: "2017-01-05"\n',
      '  - type: selectboard chair\n    jurisdiction: ocd-jurisdiction/country:us/state:vt/place:burlington/government\n  - start_date: "2017-01-05"\n',
    ),
  );
  const result = await readSources(tree);
  assert.ok(result.ok);
  assert.ok(result.sources.openstates.some((p) => p.roles.some((r) => r.type === 'selectboard chair')));
  assert.deepEqual(result.sources.problems, []);
});
