'use strict';
// performance.mark/measure and the entry buffer: ordering, lookup, clearing, errors.
const assert = require('assert');
const { performance, PerformanceMark, PerformanceMeasure } = require('perf_hooks');

const a = performance.mark('a', { detail: { x: 1 } });
assert.ok(a instanceof PerformanceMark);
assert.strictEqual(a.name, 'a');
assert.strictEqual(a.entryType, 'mark');
assert.strictEqual(a.duration, 0);
assert.deepStrictEqual(a.detail, { x: 1 });
assert.deepStrictEqual(Object.keys(a.toJSON()),
  ['name', 'entryType', 'startTime', 'duration', 'detail']);

const m = performance.measure('since-a', 'a');
assert.ok(m instanceof PerformanceMeasure);
assert.strictEqual(m.startTime, a.startTime);
assert.ok(m.duration >= 0);
assert.strictEqual(m.detail, null);

const fixed = performance.measure('fixed', { start: 0, end: 5, detail: 'd' });
assert.strictEqual(fixed.startTime, 0);
assert.strictEqual(fixed.duration, 5);
assert.strictEqual(fixed.detail, 'd');

// Entries come back sorted by start time.
assert.deepStrictEqual(performance.getEntries().map((e) => e.name), ['fixed', 'a', 'since-a']);
assert.strictEqual(performance.getEntriesByType('mark').length, 1);
assert.strictEqual(performance.getEntriesByName('since-a', 'measure').length, 1);
assert.strictEqual(performance.getEntriesByName('since-a', 'mark').length, 0);

assert.throws(() => performance.measure('bad', 'nomark'), {
  name: 'SyntaxError', code: 12, message: 'The "nomark" performance mark has not been set',
});
assert.throws(() => performance.mark(), {
  code: 'ERR_MISSING_ARGS', message: 'The "name" argument must be specified',
});

performance.clearMarks();
assert.strictEqual(performance.getEntriesByType('mark').length, 0);
performance.clearMeasures('fixed');
assert.deepStrictEqual(performance.getEntries().map((e) => e.name), ['since-a']);
