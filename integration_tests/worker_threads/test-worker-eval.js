'use strict';
// eval: true runs source text as a CommonJS-like script; process.exit(code) ends only
// the worker, with that exit code.
const assert = require('assert');
const { Worker } = require('worker_threads');

const source = `
  const { parentPort, workerData, isMainThread } = require('worker_threads');
  parentPort.postMessage({ sum: workerData.a + workerData.b, isMainThread, file: __filename });
  process.on('exit', (code) => parentPort.postMessage({ exiting: code }));
  process.exit(7);
`;
const worker = new Worker(source, { eval: true, workerData: { a: 2, b: 3 } });
const messages = [];
worker.on('message', (message) => messages.push(message));
worker.on('exit', (code) => {
  assert.strictEqual(code, 7);
  assert.deepStrictEqual(messages, [
    { sum: 5, isMainThread: false, file: '[worker eval]' },
    { exiting: 7 },
  ]);
});
