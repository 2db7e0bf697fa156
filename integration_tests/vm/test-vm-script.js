'use strict';
// vm.Script, runInThisContext, compileFunction and the timeout option.
const assert = require('assert');
const vm = require('vm');

globalThis.vmTestValue = 5;
assert.strictEqual(vm.runInThisContext('vmTestValue + 1'), 6);
delete globalThis.vmTestValue;

const script = new vm.Script('n = (typeof n === "number" ? n : 0) + 1', { filename: 'count.js' });
const ctx = vm.createContext({});
script.runInContext(ctx);
script.runInContext(ctx);
assert.strictEqual(ctx.n, 2);
assert.strictEqual(script.runInNewContext({ n: 10 }), 11);

const cached = new vm.Script('1 + 1', { produceCachedData: true });
assert(Buffer.isBuffer(cached.cachedData));
const reused = new vm.Script('1 + 1', { cachedData: cached.createCachedData() });
assert.strictEqual(reused.cachedDataRejected, false);

assert.throws(() => new vm.Script('let let = 1'), SyntaxError);
assert.throws(() => new vm.Script('1', { lineOffset: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });

const add = vm.compileFunction('return a + b + c', ['a', 'b'], { contextExtensions: [{ c: 10 }] });
assert.strictEqual(add(1, 2), 13);
const inCtx = vm.compileFunction('return x', [], { parsingContext: vm.createContext({ x: 'in' }) });
assert.strictEqual(inCtx(), 'in');

assert.throws(() => vm.runInNewContext('for (;;) {}', {}, { timeout: 20 }), {
  code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
  message: 'Script execution timed out after 20ms',
});
// The isolate is usable again afterwards.
assert.strictEqual(vm.runInThisContext('2 + 2'), 4);
