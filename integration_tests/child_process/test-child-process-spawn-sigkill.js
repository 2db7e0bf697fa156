// A child killed by SIGKILL reports signalCode 'SIGKILL' and a null exitCode.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

const child = spawn('sleep', ['30']);
let exited = false;
child.on('spawn', () => {
  assert.strictEqual(child.kill('SIGKILL'), true);
  assert.strictEqual(child.killed, true);
});
child.on('exit', (code, signal) => {
  exited = true;
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGKILL');
  assert.strictEqual(child.exitCode, null);
  assert.strictEqual(child.signalCode, 'SIGKILL');
  // Once the child is gone, kill() reports false.
  assert.strictEqual(child.kill(), false);
});
child.on('close', (code, signal) => {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGKILL');
});
assert.throws(() => child.kill('SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });
process.on('exit', () => assert.ok(exited));
