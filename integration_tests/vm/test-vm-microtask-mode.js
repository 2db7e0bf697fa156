// microtaskMode: 'afterEvaluate' gives a context its own microtask queue, run before
// runInContext returns and under the same timeout.
const assert = require('node:assert');
const vm = require('node:vm');

const context = vm.createContext({ log: [] }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => log.push("micro")); log.push("sync")', context);
assert.deepStrictEqual(context.log, ['sync', 'micro']);

// A microtask that never ends is stopped by the timeout.
assert.throws(() => vm.runInNewContext(
  'Promise.resolve().then(() => { while (true); })',
  {}, { timeout: 20, microtaskMode: 'afterEvaluate' }),
{ code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });

// Without the option, microtasks of the context run after the current job, as usual.
const shared = vm.createContext({ log: [] });
vm.runInContext('Promise.resolve().then(() => log.push("micro")); log.push("sync")', shared);
assert.deepStrictEqual(shared.log, ['sync']);

assert.throws(() => vm.createContext({}, { microtaskMode: 'sometimes' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
queueMicrotask(() => {
  assert.deepStrictEqual(shared.log, ['sync', 'micro']);
  console.log('ok');
});
