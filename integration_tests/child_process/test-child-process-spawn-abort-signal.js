// spawn's signal option: aborting kills the child and emits an AbortError.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const controller = new AbortController();
const child = spawn('sleep', ['30'], { signal: controller.signal });
let errored = false;
child.on('error', (err) => {
  errored = true;
  assert.strictEqual(err.name, 'AbortError');
  assert.strictEqual(err.code, 'ABORT_ERR');
});
child.on('exit', (code, signal) => {
  assert.strictEqual(signal, 'SIGTERM');
  assert.ok(errored);
});
child.on('spawn', () => controller.abort());

// An already aborted signal kills at the next tick.
const child2 = spawn('sleep', ['30'], { signal: AbortSignal.abort(), killSignal: 'SIGKILL' });
child2.on('error', (err) => assert.strictEqual(err.name, 'AbortError'));
child2.on('exit', (code, signal) => assert.strictEqual(signal, 'SIGKILL'));
