'use strict';
// workerData is a structured clone; argv and env are the worker's own copies.
const assert = require('assert');
const { Worker, isMainThread, parentPort, workerData, SHARE_ENV } = require('worker_threads');

if (!isMainThread) {
  parentPort.postMessage({
    workerData,
    argv: process.argv.slice(2),
    env: process.env.SKUA_WORKER_TEST,
  });
  process.env.SKUA_WORKER_TEST = 'changed-by-worker';
  return;
}

const data = { list: [1, 2, 3], date: new Date(0), re: /x/g, big: 10n, set: new Set(['s']) };
process.env.SKUA_WORKER_TEST = 'from-parent';
const worker = new Worker(__filename, { workerData: data, argv: ['one', 2] });
worker.on('message', (message) => {
  assert.deepStrictEqual(message.workerData, data);
  assert.notStrictEqual(message.workerData, data);
  assert.deepStrictEqual(message.argv, ['one', '2']);
  assert.strictEqual(message.env, 'from-parent');
});
worker.on('exit', (code) => {
  assert.strictEqual(code, 0);
  // Without SHARE_ENV the worker changed its own copy only.
  assert.strictEqual(process.env.SKUA_WORKER_TEST, 'from-parent');
  const shared = new Worker(
    'process.env.SKUA_WORKER_TEST = "shared"', { eval: true, env: SHARE_ENV });
  shared.on('exit', (sharedCode) => {
    assert.strictEqual(sharedCode, 0);
    assert.strictEqual(process.env.SKUA_WORKER_TEST, 'shared');
  });
});
