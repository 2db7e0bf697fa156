'use strict';
// userInfo() and get/setPriority, including their argument checks and ERR_SYSTEM_ERROR.
const assert = require('assert');
const os = require('os');

const info = os.userInfo();
assert.strictEqual(Object.getPrototypeOf(info), null);
assert.deepStrictEqual(Object.keys(info), ['uid', 'gid', 'username', 'homedir', 'shell']);
assert.strictEqual(info.uid, process.getuid ? process.getuid() : info.uid);
assert.strictEqual(typeof info.username, 'string');
const asBuffers = os.userInfo({ encoding: 'buffer' });
assert.ok(Buffer.isBuffer(asBuffers.username));
assert.strictEqual(asBuffers.username.toString(), info.username);

assert.strictEqual(typeof os.getPriority(), 'number');
assert.strictEqual(os.getPriority(0), os.getPriority(process.pid));
assert.throws(() => os.getPriority('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "pid" argument must be of type number. Received type string (\'x\')',
});
assert.throws(() => os.setPriority(0, 100), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "priority" is out of range. It must be >= -20 && <= 19. Received 100',
});
assert.throws(() => os.setPriority(2147483647, 0), (err) => {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
  assert.strictEqual(err.message,
    'A system error occurred: uv_os_setpriority returned ESRCH (no such process)');
  assert.strictEqual(err.syscall, 'uv_os_setpriority');
  assert.strictEqual(err.errno, os.constants.errno.ESRCH * -1);
  assert.deepStrictEqual(err.info, {
    errno: err.errno, code: 'ESRCH', message: 'no such process', syscall: 'uv_os_setpriority',
  });
  assert.match(err.stack, /^SystemError \[ERR_SYSTEM_ERROR\]: A system error occurred/);
  return true;
});
