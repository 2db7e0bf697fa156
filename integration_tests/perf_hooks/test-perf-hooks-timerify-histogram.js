'use strict';
// performance.timerify and createHistogram: wrapper shape, 'function' entries with the
// call's arguments, histogram statistics and argument checks.
const assert = require('assert');
const { createHistogram, performance, PerformanceObserver } = require('perf_hooks');

{
  const h = createHistogram();
  assert.strictEqual(h.count, 0);
  assert.strictEqual(h.minBigInt, 9223372036854775807n);
  assert.strictEqual(h.max, 0);
  assert.ok(Number.isNaN(h.mean));
  h.record(2);
  h.record(4n);
  h.record(6);
  assert.strictEqual(h.count, 3);
  assert.strictEqual(h.min, 2);
  assert.strictEqual(h.maxBigInt, 6n);
  assert.strictEqual(h.mean, 4);
  assert.strictEqual(h.percentile(50), 4);
  assert.strictEqual(h.percentile(100), 6);
  assert.throws(() => h.record(0), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => h.record('1'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => h.percentile(0), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => new h.constructor(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  assert.throws(() => createHistogram({ figures: 6 }), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => createHistogram({ lowest: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });

  const other = createHistogram();
  other.add(h);
  assert.strictEqual(other.count, 3);
  assert.strictEqual(other.max, 6);
  assert.throws(() => other.add({}), { code: 'ERR_INVALID_ARG_TYPE' });
  other.reset();
  assert.strictEqual(other.count, 0);
}

{
  function add(a, b) { return a + b; }
  const histogram = createHistogram();
  const timed = performance.timerify(add, { histogram });
  assert.strictEqual(timed.name, 'timerified add');
  assert.strictEqual(timed.length, 2);
  assert.notStrictEqual(performance.timerify(add), timed);
  assert.throws(() => performance.timerify(add, { histogram: {} }),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => performance.timerify(1), { code: 'ERR_INVALID_ARG_TYPE' });

  class Point { constructor(x) { this.x = x; } }
  const TimedPoint = performance.timerify(Point);
  assert.ok(new TimedPoint(1) instanceof Point);
  assert.throws(() => TimedPoint(1), TypeError);

  const seen = [];
  const obs = new PerformanceObserver((list) => {
    seen.push(...list.getEntries());
  });
  obs.observe({ entryTypes: ['function'] });
  assert.strictEqual(timed(2, 3), 5);
  assert.strictEqual(histogram.count, 1);
  assert.ok(histogram.min >= 1);
  const throwing = performance.timerify(function boom() { throw new Error('boom'); });
  assert.throws(() => throwing(), /boom/);
  setImmediate(() => setImmediate(() => {
    obs.disconnect();
    assert.strictEqual(seen.length, 1);
    assert.strictEqual(seen[0].name, 'add');
    assert.strictEqual(seen[0].entryType, 'function');
    assert.strictEqual(seen[0][0], 2);
    assert.strictEqual(seen[0][1], 3);
    assert.strictEqual(typeof seen[0].duration, 'number');
  }));
}
