import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  jsonElementLines,
  jsonElementPositions,
  jsonErrorOffset,
  jsonKeyLines,
  jsonKeyPositions,
  jsonLineOf,
} from './json-lines.ts';

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

test('finds the line of a field inside one element, by its path', () => {
  const text =
    '[\n {"a": 1},\n {\n  "id": {"x": 1},\n  "terms": [\n   {"start": "1"},\n   {\n    "start": "bad"\n   }\n  ]\n }\n]';
  const [, second] = jsonElementPositions(text);
  assert.equal(second?.line, 3);
  assert.equal(jsonLineOf(text, second!, ['terms', 1, 'start']), 8);
  assert.equal(jsonLineOf(text, second!, ['terms', 0]), 6);
  assert.equal(jsonLineOf(text, second!, ['id']), 4);
  assert.equal(jsonLineOf(text, second!, ['id', 'missing']), null);
  assert.equal(jsonLineOf(text, second!, ['terms', 5]), null);
});

test('a key position reads as its member’s value', () => {
  const text = '{\n "05401": [\n  "44.4",\n  "north"\n ]\n}';
  const key = jsonKeyPositions(text).get('05401')!;
  assert.equal(jsonLineOf(text, key, [1]), 4);
});
