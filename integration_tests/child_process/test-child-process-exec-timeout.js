// exec's timeout kills the child with killSignal; the error says so.
const assert = require('node:assert');
const { exec, spawn } = require('node:child_process');

let calls = 0;
exec('sleep 30', { timeout: 50 }, (err, stdout, stderr) => {
  calls++;
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.signal, 'SIGTERM');
  assert.strictEqual(err.code, null);
  assert.strictEqual(err.cmd, 'sleep 30');
  assert.match(err.message, /^Command failed: sleep 30\n/);
  assert.strictEqual(stdout, '');
  assert.strictEqual(stderr, '');
});
exec('sleep 30', { timeout: 50, killSignal: 'SIGKILL' }, (err) => {
  calls++;
  assert.strictEqual(err.signal, 'SIGKILL');
});
// spawn's timeout option does the same for a ChildProcess.
const child = spawn('sleep', ['30'], { timeout: 50, killSignal: 'SIGINT' });
child.on('exit', (code, signal) => {
  calls++;
  assert.strictEqual(signal, 'SIGINT');
  assert.strictEqual(child.killed, true);
});
// A failing command reports its exit status as `code`.
exec('echo oops >&2; exit 3', (err, stdout, stderr) => {
  calls++;
  assert.strictEqual(err.code, 3);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.message, 'Command failed: echo oops >&2; exit 3\noops\n');
  assert.strictEqual(stderr, 'oops\n');
});
process.on('exit', () => assert.strictEqual(calls, 4));
