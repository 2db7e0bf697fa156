'use strict';
// createHook reports timers, immediates, ticks, promises and AsyncResources, and
// executionAsyncId()/triggerAsyncId() name the running resource.
const assert = require('assert');
const async_hooks = require('async_hooks');

const events = [];
const types = new Map();
const hook = async_hooks.createHook({
  init(id, type, trigger) { types.set(id, type); events.push(['init', type, trigger]); },
  before(id) { events.push(['before', types.get(id)]); },
  after(id) { events.push(['after', types.get(id)]); },
  destroy(id) { events.push(['destroy', types.get(id)]); },
  promiseResolve(id) { events.push(['resolve', types.get(id)]); },
}).enable();

assert.strictEqual(async_hooks.executionAsyncId(), 1);
assert.strictEqual(async_hooks.triggerAsyncId(), 0);
const main = async_hooks.executionAsyncId();
let timeoutId;
const timeout = setTimeout(() => {
  assert.strictEqual(async_hooks.executionAsyncId(), timeoutId);
  assert.strictEqual(async_hooks.triggerAsyncId(), main);
  assert.strictEqual(async_hooks.executionAsyncResource(), timeout);
  setImmediate(() => {
    hook.disable();
    const kinds = new Set(events.map(([event, type]) => `${event}:${type}`));
    for (const kind of ['init:Timeout', 'before:Timeout', 'after:Timeout', 'destroy:Timeout',
      'init:TickObject', 'before:TickObject', 'init:PROMISE', 'resolve:PROMISE',
      'before:PROMISE', 'init:Test', 'before:Test', 'after:Test', 'destroy:Test',
      'init:Immediate']) {
      assert(kinds.has(kind), kind);
    }
    console.log('ok');
  });
}, 1);
timeoutId = events.findLast(([event]) => event === 'init').length && [...types.keys()].pop();
assert.strictEqual(types.get(timeoutId), 'Timeout');

process.nextTick(() => {});
Promise.resolve().then(() => {});
const resource = new async_hooks.AsyncResource('Test');
resource.runInAsyncScope(() => {
  assert.strictEqual(async_hooks.executionAsyncId(), resource.asyncId());
});
resource.emitDestroy();
assert.throws(() => async_hooks.createHook({ init: 1 }), { code: 'ERR_ASYNC_CALLBACK' });
assert.strictEqual(typeof async_hooks.asyncWrapProviders.TCPWRAP, 'number');
