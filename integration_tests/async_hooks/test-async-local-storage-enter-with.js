'use strict';
// enterWith() sets the store for the rest of the current synchronous execution and for
// what it schedules, but not for the caller's other callbacks.
const assert = require('assert');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();

setImmediate(() => {
  als.enterWith('first');
  assert.strictEqual(als.getStore(), 'first');
  setTimeout(() => {
    assert.strictEqual(als.getStore(), 'first');
    console.log('ok');
  }, 1);
  Promise.resolve().then(() => assert.strictEqual(als.getStore(), 'first'));
});
setImmediate(() => {
  assert.strictEqual(als.getStore(), undefined);
});

function sync() {
  als.enterWith('sync');
}
als.run('outer', () => {
  sync();
  assert.strictEqual(als.getStore(), 'sync');
});
assert.strictEqual(als.getStore(), undefined);
