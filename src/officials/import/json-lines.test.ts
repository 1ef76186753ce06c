import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonElementLines, jsonErrorOffset, jsonKeyLines } from './json-lines.ts';

test('finds the line where each top-level array element starts', () => {
  const text = '[\n  {"a": [1, 2,\n 3]},\n  "x, ]",\n\n  4\n]';
  assert.deepEqual(jsonElementLines(text), [2, 4, 6]);
});

test('finds the elements of a named member, ignoring nested arrays elsewhere', () => {
  const text = '{\n "bbox": [1, 2],\n "features": [\n  {"c": [[1]]},\n  {"c": []}\n ]\n}';
  assert.deepEqual(jsonElementLines(text, ['features']), [4, 5]);
});

test('maps object keys to their lines, whatever order Object.entries would give', () => {
  const lines = jsonKeyLines('{\n "05401": [1],\n "10001": [2], "x\\"y": 3\n}');
  assert.equal(lines.get('05401'), 2);
  assert.equal(lines.get('10001'), 3);
  assert.equal(lines.get('x"y'), 3);
});

test('locates the first syntax error in invalid JSON', () => {
  assert.equal(jsonErrorOffset('[1, 2]'), null);
  assert.equal(jsonErrorOffset('{"a": [1, {"b": true}], "c": null}'), null);
  assert.equal(jsonErrorOffset('[1, 2,]'), 6);
  assert.equal(jsonErrorOffset('{"a" 1}'), 5);
  assert.equal(jsonErrorOffset('[1] x'), 4);
  assert.equal(jsonErrorOffset('["open'), 6);
});
