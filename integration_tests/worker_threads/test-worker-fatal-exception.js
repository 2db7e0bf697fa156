'use strict';
// How a worker's uncaught exceptions end it: exit code 1 and an 'error' event in the
// parent; process._fatalException is the handler (it returns true when a listener took
// the error); replacing it with a non-function ends the worker with code 6 and no
// 'error' event; an error whose stack getter throws still reaches the parent.
const assert = require('assert');
const { Worker } = require('worker_threads');

function run(source) {
  return new Promise((resolve) => {
    const worker = new Worker(source, { eval: true, stderr: true });
    const errors = [];
    worker.on('error', (err) => errors.push(err));
    worker.on('exit', (code) => resolve({ code, errors }));
  });
}

(async () => {
  let { code, errors } = await run('throw new Error("plain")');
  assert.strictEqual(code, 1);
  assert.strictEqual(errors.length, 1);
  assert.strictEqual(String(errors[0]), 'Error: plain');

  ({ code, errors } = await run(`
    process.once('uncaughtException', () => {});
    if (process._fatalException(new Error('handled')) !== true) process.exit(3);
  `));
  assert.strictEqual(code, 0);
  assert.strictEqual(errors.length, 0);

  ({ code, errors } = await run('process._fatalException = undefined; throw new Error("x")'));
  assert.strictEqual(code, 6);
  assert.strictEqual(errors.length, 0);

  ({ code, errors } = await run(`
    Error.prepareStackTrace = (err) => {
      if (err.message === 'outer') throw new Error('inner');
      return 'custom';
    };
    throw new Error('outer');
  `));
  assert.strictEqual(code, 1);
  assert.strictEqual(errors.length, 1);
  assert.strictEqual(errors[0].message, 'outer');
  assert.strictEqual(errors[0].name, 'Error');
  assert.strictEqual(errors[0].stack, undefined);
})().then(() => { process.exitCode = 0; });
process.exitCode = 1;
