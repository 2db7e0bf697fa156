'use strict';
// terminate() stops a worker stuck in an endless loop; its promise resolves with the
// exit code 1, and a second call resolves too.
const assert = require('assert');
const { Worker } = require('worker_threads');

const worker = new Worker(`
  require('worker_threads').parentPort.postMessage('spinning');
  for (;;) {}
`, { eval: true });
let exitCode;
worker.on('exit', (code) => { exitCode = code; });
worker.once('message', async (message) => {
  assert.strictEqual(message, 'spinning');
  const code = await worker.terminate();
  assert.strictEqual(code, 1);
  assert.strictEqual(exitCode, 1);
  assert.strictEqual(await worker.terminate(), undefined);
});

// Terminating right away ends the worker too. Its exit code is 0 if the thread had not
// started its JavaScript environment yet and 1 otherwise (a race, in Node as well).
const early = new Worker('setInterval(() => {}, 1000)', { eval: true });
early.terminate().then((code) => assert.ok(code === 0 || code === 1, `code ${code}`));
