'use strict';
// An uncaught exception in a worker reaches the parent as 'error' (a clone of the
// error, with its message, type and code), then 'exit' with code 1.
const assert = require('assert');
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const err = new RangeError('bad thing in worker');
  err.code = 'E_WORKER';
  setTimeout(() => { throw err; }, 1);
`, { eval: true });
let error;
worker.on('error', (err) => { error = err; });
worker.on('exit', (code) => {
  assert.strictEqual(code, 1);
  assert.ok(error instanceof RangeError);
  assert.strictEqual(error.message, 'bad thing in worker');
  assert.strictEqual(error.code, 'E_WORKER');
  assert.match(error.stack, /bad thing in worker/);
});

// A rejection nobody handles counts as uncaught too.
const rejecting = new Worker('Promise.reject(new Error("rejected"))', { eval: true });
let rejection;
rejecting.on('error', (err) => { rejection = err; });
rejecting.on('exit', (code) => {
  assert.strictEqual(code, 1);
  assert.strictEqual(rejection.message, 'rejected');
});
