'use strict';
// An ArrayBuffer in the transfer list moves to the worker: detached in the sender,
// same bytes in the receiver, and it can be transferred back.
const assert = require('assert');
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ buffer, view }) => {
    const bytes = new Uint8Array(buffer);
    let sum = 0;
    for (const b of bytes) sum += b;
    bytes[0] = 99;
    parentPort.postMessage({ sum, viewLength: view.length, buffer }, [buffer]);
  });
`, { eval: true });

const buffer = new ArrayBuffer(16);
const bytes = new Uint8Array(buffer);
bytes.forEach((_, i) => { bytes[i] = i; });
const view = new Uint8Array(buffer, 4, 8);
worker.postMessage({ buffer, view }, [buffer]);
assert.strictEqual(buffer.byteLength, 0);
assert.strictEqual(bytes.length, 0);
assert.strictEqual(view.length, 0);

worker.on('message', (message) => {
  assert.strictEqual(message.sum, 120);
  assert.strictEqual(message.viewLength, 8);
  assert.strictEqual(message.buffer.byteLength, 16);
  assert.strictEqual(new Uint8Array(message.buffer)[0], 99);
});
worker.on('exit', (code) => assert.strictEqual(code, 0));

// A buffer listed twice, or a non-clonable value, is a DataCloneError.
assert.throws(() => worker.postMessage(new ArrayBuffer(1), [buffer, buffer]),
              { name: 'DataCloneError' });
assert.throws(() => worker.postMessage({ f() {} }), { name: 'DataCloneError' });
