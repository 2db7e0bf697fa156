'use strict';
// A SharedArrayBuffer is shared, not copied. The worker blocks in Atomics.wait until the
// main thread stores and notifies; the main thread then blocks in Atomics.wait until the
// worker writes its answer into the same memory.
const assert = require('assert');
const { Worker } = require('worker_threads');

const shared = new SharedArrayBuffer(8);
const cells = new Int32Array(shared);
const worker = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const cells = new Int32Array(workerData);
  parentPort.postMessage('waiting');
  const results = new Set();
  while (Atomics.load(cells, 0) === 0) results.add(Atomics.wait(cells, 0, 0, 10000));
  Atomics.store(cells, 1, cells[0] * 2);
  Atomics.notify(cells, 1);
  parentPort.postMessage([...results]);
`, { eval: true, workerData: shared });

let results;
worker.once('message', (message) => {
  assert.strictEqual(message, 'waiting');
  Atomics.store(cells, 0, 21);
  Atomics.notify(cells, 0);
  while (Atomics.load(cells, 1) === 0) Atomics.wait(cells, 1, 0, 10000);
  assert.strictEqual(cells[1], 42);
  worker.once('message', (message) => { results = message; });
});
worker.on('exit', (code) => {
  assert.strictEqual(code, 0);
  // The worker waited at least once unless the store came first; it never timed out.
  assert.ok(results.every((result) => result === 'ok' || result === 'not-equal'), results);
});
