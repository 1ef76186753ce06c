import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseYamlDocuments, yamlLineOf } from './yaml-documents.ts';

const stream = [
  '# bundled', // 1
  '# source: a.yml', // 2
  '---', // 3
  'id: a', // 4
  'roles:', // 5
  '- start_date: 2023-01-04', // 6
  '  type: upper', // 7
  '- type: lower', // 8
  '', // 9
  '  district: 2', // 10
  'offices:', // 11
  '  - classification: capitol', // 12
  '    voice: 555-0100', // 13
  '# source: b.yml', // 14
  '---', // 15
  'id: b', // 16
  'name: "B"', // 17
].join('\n');

test('splits a bundle into documents with their first lines', () => {
  const docs = parseYamlDocuments(stream, () => assert.fail('no errors'));
  assert.deepEqual(
    docs.map((d) => d.line),
    [4, 16],
  );
});

test('finds the line of a field by its path, in unindented and indented sequences', () => {
  const [a, b] = parseYamlDocuments(stream, () => {});
  assert.equal(yamlLineOf(a!, ['roles', 0, 'start_date']), 6);
  assert.equal(yamlLineOf(a!, ['roles', 0, 'type']), 7);
  assert.equal(yamlLineOf(a!, ['roles', 1, 'district']), 10, 'past a blank line inside the item');
  assert.equal(yamlLineOf(a!, ['roles', 1]), 8);
  assert.equal(yamlLineOf(a!, ['offices', 0, 'voice']), 13);
  assert.equal(yamlLineOf(b!, ['name']), 17);
});

test('a path that is not there has no line, so the caller reports the document’s', () => {
  const [a] = parseYamlDocuments(stream, () => {});
  assert.equal(yamlLineOf(a!, ['links']), null);
  assert.equal(yamlLineOf(a!, ['roles', 2]), null);
  assert.equal(yamlLineOf(a!, ['id', 'x']), null, 'a scalar has no fields');
});

test('reports a broken document at the line of the error and keeps the others', () => {
  const errors: number[] = [];
  const docs = parseYamlDocuments('---\nid: a\n---\nid: b\n  bad: [\n---\nid: c\n', (line) => errors.push(line));
  assert.deepEqual(
    docs.map((d) => (d.value as { id: string }).id),
    ['a', 'c'],
  );
  assert.equal(errors.length, 1);
  assert.ok(errors[0]! >= 4 && errors[0]! <= 5, `error at ${errors[0]}`);
});
