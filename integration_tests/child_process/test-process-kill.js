// process.kill: signal 0 probes a process; a missing one throws ESRCH.
const assert = require('node:assert');

assert.strictEqual(process.kill(process.pid, 0), true);
assert.throws(() => process.kill(2 ** 22 + 12345, 0), (error) => {
  assert.strictEqual(error.code, 'ESRCH');
  assert.strictEqual(error.syscall, 'kill');
  assert.strictEqual(error.message, 'kill ESRCH');
  return true;
});
assert.throws(() => process.kill(process.pid, 'SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });
assert.throws(() => process.kill('abc'), { code: 'ERR_INVALID_ARG_TYPE' });
