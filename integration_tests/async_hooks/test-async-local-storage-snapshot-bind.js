'use strict';
// AsyncLocalStorage.snapshot() and bind(), and AsyncResource, carry the context where
// they were created into later calls.
const assert = require('assert');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');

const als = new AsyncLocalStorage();

const snapshot = als.run('snap', () => AsyncLocalStorage.snapshot());
const bound = als.run('bound', () => AsyncLocalStorage.bind(function(x) {
  return [als.getStore(), this, x];
}));
const resource = als.run('resource', () => new AsyncResource('Test'));

als.run('other', () => {
  assert.strictEqual(snapshot(() => als.getStore()), 'snap');
  assert.strictEqual(snapshot((a, b) => a + b, 1, 2), 3);
  assert.deepStrictEqual(bound.call('this', 1), ['bound', 'this', 1]);
  assert.strictEqual(resource.runInAsyncScope(() => als.getStore()), 'resource');
  const fn = resource.bind(function() { return [als.getStore(), this]; });
  assert.deepStrictEqual(fn.call(5), ['resource', 5]);
  assert.strictEqual(fn.asyncResource, resource);
  assert.strictEqual(als.getStore(), 'other');
});

assert.strictEqual(typeof resource.asyncId(), 'number');
assert.strictEqual(typeof resource.triggerAsyncId(), 'number');
assert.notStrictEqual(resource.asyncId(), new AsyncResource('Test').asyncId());
assert.strictEqual(resource.emitDestroy(), resource);
assert.throws(() => new AsyncResource('X', { triggerAsyncId: -2 }),
              { code: 'ERR_INVALID_ASYNC_ID' });
assert.throws(() => new AsyncResource(1), { code: 'ERR_INVALID_ARG_TYPE' });
console.log('ok');
