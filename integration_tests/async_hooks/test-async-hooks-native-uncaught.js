'use strict';
// A native callback that throws: 'uncaughtException' handlers run in the callback's
// context (executionAsyncId() is still its request's), and after is reported once.
const assert = require('assert');
const async_hooks = require('async_hooks');
const crypto = require('crypto');

const counts = { before: 0, after: 0, callback: 0, handler: 0 };
let reqId = null;
const hook = async_hooks.createHook({
  init(id, type) { if (type === 'RANDOMBYTESREQUEST') reqId = id; },
  before(id) { if (id === reqId) counts.before++; },
  after(id) { if (id === reqId) counts.after++; },
}).enable();

process.on('uncaughtException', (error) => {
  assert.strictEqual(error.message, 'from the callback');
  assert.strictEqual(async_hooks.executionAsyncId(), reqId);
  counts.handler++;
});

crypto.randomBytes(4, (err, bytes) => {
  assert.ifError(err);
  assert.strictEqual(bytes.length, 4);
  assert.strictEqual(typeof reqId, 'number');
  assert.strictEqual(async_hooks.executionAsyncId(), reqId);
  counts.callback++;
  throw new Error('from the callback');
});

process.on('exit', () => {
  hook.disable();
  assert.deepStrictEqual(counts, { before: 1, after: 1, callback: 1, handler: 1 });
});
