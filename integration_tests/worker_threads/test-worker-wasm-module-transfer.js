'use strict';
// A compiled WebAssembly.Module can be posted to a worker (it is shared, not
// recompiled) and instantiated there.
const assert = require('assert');
const { Worker } = require('worker_threads');

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
  0x03, 0x02, 0x01, 0x00,
  0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00,
  0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
]);
const wasmModule = new WebAssembly.Module(bytes);

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ wasmModule }) => {
    const instance = new WebAssembly.Instance(wasmModule);
    parentPort.postMessage(instance.exports.add(10, 32));
  });
`, { eval: true });

let result;
worker.once('message', (value) => { result = value; });
worker.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(result, 42);
});
worker.postMessage({ wasmModule });
