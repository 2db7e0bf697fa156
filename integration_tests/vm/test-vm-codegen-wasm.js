// codeGeneration: { wasm: false } refuses WebAssembly compilation in that context only.
const assert = require('node:assert');
const vm = require('node:vm');

const bytes = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const compile = 'new WebAssembly.Module(bytes) instanceof WebAssembly.Module';

assert.strictEqual(vm.runInContext(compile, vm.createContext({ bytes })), true);

const closed = vm.createContext({ bytes }, { codeGeneration: { wasm: false } });
const CompileError = vm.runInContext('WebAssembly.CompileError', closed);
assert.throws(() => vm.runInContext(compile, closed), CompileError);
// Strings are still allowed there.
assert.strictEqual(vm.runInContext('eval("1 + 1")', closed), 2);

assert.throws(() => vm.runInNewContext(compile, { bytes }, {
  contextCodeGeneration: { wasm: false },
}), { name: 'CompileError' });

// The main context is not affected.
assert.ok(new WebAssembly.Module(bytes) instanceof WebAssembly.Module);
console.log('ok');
