// vm.measureMemory() resolves with V8's estimate and validates its options.
const assert = require('node:assert');
const vm = require('node:vm');

process.on('warning', () => {});  // The ExperimentalWarning is expected.

function assertEstimate(estimate) {
  assert.strictEqual(typeof estimate.jsMemoryEstimate, 'number');
  assert.strictEqual(typeof estimate.jsMemoryRange[0], 'number');
  assert.strictEqual(typeof estimate.jsMemoryRange[1], 'number');
}

assert.throws(() => vm.measureMemory(null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => vm.measureMemory({ mode: 'all' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => vm.measureMemory({ execution: 'now' }), { code: 'ERR_INVALID_ARG_VALUE' });

const contexts = [vm.createContext({ big: new Array(1000).fill('x') })];

(async () => {
  const summary = await vm.measureMemory({ execution: 'eager' });
  assertEstimate(summary.total);
  assert.strictEqual(summary.current, undefined);

  const detailed = await vm.measureMemory({ mode: 'detailed', execution: 'eager' });
  assertEstimate(detailed.total);
  assertEstimate(detailed.current);
  // The vm context made above is one of the others.
  assert.ok(Array.isArray(detailed.other));
  assert.ok(detailed.other.length >= contexts.length);
  detailed.other.forEach(assertEstimate);
  console.log('ok');
})();
