import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

const cheap = { N: 1024, r: 8, p: 1 };

test('a hash verifies its own password and no other', async () => {
  const stored = await hashPassword('correct horse battery', cheap);
  assert.equal(await verifyPassword('correct horse battery', stored), true);
  assert.equal(await verifyPassword('correct horse batterY', stored), false);
  assert.equal(await verifyPassword('', stored), false);
});

test('the same password hashes differently each time (salted) and carries its parameters', async () => {
  const a = await hashPassword('same password here', cheap);
  const b = await hashPassword('same password here', cheap);
  assert.notEqual(a, b);
  assert.match(a, /^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
  assert.doesNotMatch(a, /same password/);
});

test('the default cost is stored with the hash and still verifies', async () => {
  const stored = await hashPassword('a default-cost password');
  assert.match(stored, /^scrypt\$32768\$8\$3\$/);
  assert.equal(await verifyPassword('a default-cost password', stored), true);
});

test('a malformed or tampered stored hash never matches', async () => {
  const stored = await hashPassword('tamper with me please', cheap);
  assert.equal(await verifyPassword('tamper with me please', 'plain-text'), false);
  assert.equal(await verifyPassword('tamper with me please', stored.replace('$1024$', '$2048$')), false);
  assert.equal(await verifyPassword('tamper with me please', stored.replace('scrypt$1024', 'scrypt$99999999')), false);
  assert.equal(await verifyPassword('tamper with me please', stored.slice(0, -4)), false);
});

test('passwords must be long enough', () => {
  assert.match(passwordProblem('short') ?? '', /at least 10/);
  assert.equal(passwordProblem('long enough password'), null);
});
