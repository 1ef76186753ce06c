import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesEtag } from './etag.ts';

const ETAG = '"abc123"';

test('If-None-Match matches the same entity-tag, weakly: W/ on either side is ignored', () => {
  assert.equal(matchesEtag(ETAG, ETAG), true);
  assert.equal(matchesEtag(`W/${ETAG}`, ETAG), true);
  assert.equal(matchesEtag(ETAG, `W/${ETAG}`), true);
  assert.equal(matchesEtag(`W/${ETAG}`, `W/${ETAG}`), true);
  assert.equal(matchesEtag('"abc124"', ETAG), false);
  assert.equal(matchesEtag('"abc12"', ETAG), false, 'a prefix of the tag is another tag');
  assert.equal(matchesEtag('"abc1234"', ETAG), false);
  assert.equal(matchesEtag('abc123', ETAG), false, 'an unquoted value is not an entity-tag');
  // weak = %s"W/" is case-sensitive (RFC 9110 §8.8.3).
  assert.equal(matchesEtag(`w/${ETAG}`, ETAG), false);
});

test('no field value, or an empty one, matches nothing', () => {
  assert.equal(matchesEtag(undefined, ETAG), false);
  assert.equal(matchesEtag('', ETAG), false);
  assert.equal(matchesEtag('  ', ETAG), false);
});

test('any listed entity-tag matches, with or without whitespace and empty members', () => {
  assert.equal(matchesEtag(`"x", ${ETAG}`, ETAG), true);
  assert.equal(matchesEtag(`"x",${ETAG},"y"`, ETAG), true);
  assert.equal(matchesEtag(`W/"x" ,\tW/${ETAG} `, ETAG), true);
  assert.equal(matchesEtag(`, ,${ETAG},`, ETAG), true);
  assert.equal(matchesEtag('"x", "y"', ETAG), false);
});

test('a lone * matches any current representation, but * inside a list is no entity-tag', () => {
  assert.equal(matchesEtag('*', ETAG), true);
  assert.equal(matchesEtag(' * ', ETAG), true);
  assert.equal(matchesEtag('*, "x"', ETAG), false);
  assert.equal(matchesEtag('"x", *', ETAG), false);
  assert.equal(matchesEtag('W/*', ETAG), false);
  assert.equal(matchesEtag('"*"', ETAG), false, 'a quoted star is an ordinary tag');
  assert.equal(matchesEtag(`*, ${ETAG}`, ETAG), true, 'the tags beside an invalid member still count');
});

test('entity-tags may hold commas inside their quotes', () => {
  assert.equal(matchesEtag('"a,b"', '"a,b"'), true);
  assert.equal(matchesEtag('"x", W/"a,b", "y"', '"a,b"'), true);
  assert.equal(matchesEtag('"a,b"', '"a"'), false);
  assert.equal(matchesEtag('"a,b"', '"b"'), false, 'the part after the comma is not a tag of its own');
  assert.equal(matchesEtag(`"x,${ETAG.slice(1)}`, ETAG), false);
});

test('malformed members are skipped; an unclosed quote ends the list', () => {
  assert.equal(matchesEtag(`"x"junk, ${ETAG}`, ETAG), true);
  assert.equal(matchesEtag(`${ETAG}junk`, ETAG), false, 'a tag must end its member');
  assert.equal(matchesEtag(`W/ ${ETAG}`, ETAG), false, 'no whitespace inside an entity-tag');
  assert.equal(matchesEtag(`"x, ${ETAG}`, ETAG), false);
});
