// A missing executable is reported as an asynchronous 'error' (never thrown), with the
// fields Node gives it, followed by 'close' with the negative error code.
const assert = require('node:assert');
const { spawn } = require('node:child_process');

let sync = true;
let errored = false;
const child = spawn('skua-no-such-command', ['a', 'b']);
assert.strictEqual(child.pid, undefined);
child.on('spawn', () => assert.fail('spawn must not be emitted'));
child.on('exit', () => assert.fail('exit must not be emitted'));
child.on('error', (err) => {
  assert.strictEqual(sync, false);
  errored = true;
  assert.strictEqual(err.message, 'spawn skua-no-such-command ENOENT');
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, -2);
  assert.strictEqual(err.syscall, 'spawn skua-no-such-command');
  assert.strictEqual(err.path, 'skua-no-such-command');
  assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
});
child.on('close', (code, signal) => {
  assert.ok(errored);
  assert.strictEqual(code, -2);
  assert.strictEqual(signal, null);
});
sync = false;
