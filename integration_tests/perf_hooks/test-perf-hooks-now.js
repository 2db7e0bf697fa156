'use strict';
// performance.now() is monotonic and measured from timeOrigin; the global is the module's.
const assert = require('assert');
const perfHooks = require('perf_hooks');

assert.strictEqual(globalThis.performance, perfHooks.performance);
const desc = Object.getOwnPropertyDescriptor(globalThis, 'performance');
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(typeof desc.get, 'function');

const t0 = performance.now();
assert.ok(t0 > 0);
const until = Date.now() + 5;
while (Date.now() < until);
const t1 = performance.now();
assert.ok(t1 - t0 >= 4, `${t1 - t0}`);
// timeOrigin + now() is close to the wall clock.
assert.ok(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 50);
assert.deepStrictEqual(Object.keys(performance.toJSON()),
  ['nodeTiming', 'timeOrigin', 'eventLoopUtilization']);
const elu = performance.eventLoopUtilization();
assert.deepStrictEqual(Object.keys(elu), ['idle', 'active', 'utilization']);
assert.throws(() => new perfHooks.PerformanceEntry(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
