'use strict';
// The TAP reporter: passing, failing, skipped and todo tests, sync, async and callback.
const test = require('node:test');
const assert = require('assert');

test('sync pass', () => {});
test('sync fail', () => {
  throw new Error('thrown from sync fail');
});
test('skip option', { skip: true }, () => {});
test('skip with message', { skip: 'not today' }, () => {});
test.skip('test.skip', () => {});
test('todo option', { todo: 'later' }, () => {
  throw new Error('todo fails quietly');
});
test.todo('test.todo');
test('async pass', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1));
});
test('async reject', async () => {
  await null;
  throw new Error('rejected from async');
});
test('callback pass', (t, done) => {
  setImmediate(done);
});
test('callback fail', (t, done) => {
  setImmediate(() => done(new Error('callback failure')));
});
test('assertion fail', () => {
  assert.strictEqual(1, 2);
});
test('t.skip and t.todo', async (t) => {
  await t.test('runtime skip', (t) => t.skip('skipped at runtime'));
  await t.test('runtime todo', (t) => t.todo());
  t.diagnostic('a diagnostic message');
});
test('name with # and \\ escaped', () => {});
