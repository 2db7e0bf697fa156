'use strict';
// v8.promiseHooks: each kind fires for promises, stop functions detach, hooks that throw
// reach 'uncaughtException', and they coexist with async_hooks (which uses the same
// V8 slots).
const assert = require('assert');
const { promiseHooks } = require('v8');
const asyncHooks = require('async_hooks');

assert.throws(() => promiseHooks.onInit(async () => {}),
              /The "initHook" argument must be of type function/);
assert.throws(() => promiseHooks.createHook({ settled: 1 }),
              /The "settledHook" argument must be of type function/);

let asyncInits = 0;
const ah = asyncHooks.createHook({
  init(id, type) { if (type === 'PROMISE') asyncInits++; },
}).enable();

const events = [];
const stop = promiseHooks.createHook({
  init(promise, parent) { events.push(['init', promise, parent]); },
  before(promise) { events.push(['before', promise]); },
  after(promise) { events.push(['after', promise]); },
  settled(promise) { events.push(['settled', promise]); },
});

const error = new Error('from hook');
const stopThrowing = promiseHooks.onInit(() => {
  stopThrowing();
  throw error;
});
let caught = null;
process.once('uncaughtException', (err) => { caught = err; });

const parent = Promise.resolve(1);
const child = parent.then(() => 2);
stop();
ah.disable();
const inits = events.filter((e) => e[0] === 'init');
Promise.resolve(3); // After stop(): not seen.

assert.strictEqual(caught, error);
assert.strictEqual(inits.length, 2);
assert.strictEqual(inits[0][1], parent);
assert.strictEqual(inits[1][1], child);
assert.strictEqual(inits[1][2], parent);
assert.ok(asyncInits >= 2);
assert.ok(events.some((e) => e[0] === 'settled' && e[1] === parent));

child.then(() => {
  // The reaction of `child` ran after stop(): no before/after events were recorded.
  assert.strictEqual(events.filter((e) => e[0] === 'before').length, 0);
  assert.strictEqual(events.filter((e) => e[0] === 'init').length, 2);
});
