'use strict';
// vm: contexts forward globals to their sandbox; scripts run in this or another context.
const assert = require('assert');
const vm = require('vm');

const sandbox = { a: 1 };
const context = vm.createContext(sandbox);
assert.strictEqual(vm.createContext(context), context);
assert(vm.isContext(context));
assert(!vm.isContext({}));
assert.throws(() => vm.isContext('x'), { code: 'ERR_INVALID_ARG_TYPE' });

assert.strictEqual(vm.runInContext('a += 1; var b = 2; function f() { return 3; } c = 4; a', context), 2);
assert.deepStrictEqual([sandbox.a, sandbox.b, typeof sandbox.f, sandbox.c], [2, 2, 'function', 4]);
assert.strictEqual(vm.runInContext('this.a === a && globalThis === this', context), true);
assert.strictEqual(vm.runInContext('typeof require', context), 'undefined');

// Each context has its own builtins.
const OtherArray = vm.runInNewContext('Array');
assert.notStrictEqual(OtherArray, Array);
assert(!(vm.runInNewContext('[]') instanceof Array));
assert.strictEqual(vm.runInNewContext('x * 2', { x: 21 }), 42);

// Errors thrown inside a context are that context's.
assert.throws(() => vm.runInNewContext('throw new TypeError("boom")'), (err) => {
  assert.strictEqual(err.message, 'boom');
  assert(!(err instanceof TypeError));
  return true;
});
assert.throws(() => vm.runInContext('1', {}), { code: 'ERR_INVALID_ARG_TYPE' });
