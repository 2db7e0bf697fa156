'use strict';
// diagnostics_channel TracingChannel: traceSync, tracePromise and traceCallback publish
// start/end/asyncStart/asyncEnd/error with a shared context; bindStore runs the traced
// function inside an AsyncLocalStorage store.
const assert = require('node:assert');
const dc = require('node:diagnostics_channel');
const { AsyncLocalStorage } = require('node:async_hooks');

const tc = dc.tracingChannel('skua.test.trace');
assert.strictEqual(tc.start, dc.channel('tracing:skua.test.trace:start'));
const events = [];
const handlers = {};
for (const name of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
  handlers[name] = (ctx) => events.push([name, ctx.result, ctx.error && ctx.error.message]);
}
tc.subscribe(handlers);

assert.strictEqual(tc.traceSync((a, b) => a + b, {}, null, 2, 3), 5);
assert.deepStrictEqual(events.splice(0), [['start', undefined, undefined], ['end', 5, undefined]]);

assert.throws(() => tc.traceSync(() => { throw new Error('sync'); }), /sync/);
assert.deepStrictEqual(events.splice(0),
  [['start', undefined, undefined], ['error', undefined, 'sync'], ['end', undefined, 'sync']]);

const als = new AsyncLocalStorage();
tc.start.bindStore(als, (ctx) => ({ traced: ctx.tag }));

(async () => {
  const result = await tc.tracePromise(async function(x) {
    assert.deepStrictEqual(als.getStore(), { traced: 'p' });
    assert.strictEqual(this.self, true);
    return x * 2;
  }, { tag: 'p' }, { self: true }, 21);
  assert.strictEqual(result, 42);
  assert.deepStrictEqual(events.splice(0), [['start', undefined, undefined],
    ['end', undefined, undefined], ['asyncStart', 42, undefined], ['asyncEnd', 42, undefined]]);

  await assert.rejects(tc.tracePromise(async () => { throw new Error('async'); }), /async/);
  assert.deepStrictEqual(events.splice(0).map((e) => e[0]),
    ['start', 'end', 'error', 'asyncStart', 'asyncEnd']);

  const value = await new Promise((resolve) => {
    tc.traceCallback((n, cb) => setImmediate(cb, null, n + 1), 1, { tag: 'cb' }, null, 9,
      (err, res) => resolve([err, res]));
  });
  assert.deepStrictEqual(value, [null, 10]);
  assert.deepStrictEqual(events.splice(0).map((e) => e[0]),
    ['start', 'end', 'asyncStart', 'asyncEnd']);
  assert.throws(() => tc.traceCallback(() => {}, 0, {}, null, 'not a function'),
    { code: 'ERR_INVALID_ARG_TYPE' });

  assert.strictEqual(tc.start.unbindStore(als), true);
  assert.strictEqual(tc.unsubscribe(handlers), true);
  assert.strictEqual(tc.unsubscribe(handlers), false);
  assert.strictEqual(tc.start.hasSubscribers, false);
  console.log('ok');
})().catch((err) => { process.exitCode = 1; throw err; });
