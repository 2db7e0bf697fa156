'use strict';
// os.constants: signals, errno, priority and dlopen tables with Linux values.
const assert = require('assert');
const os = require('os');

const c = os.constants;
assert.deepStrictEqual(Object.keys(c), ['UV_UDP_REUSEADDR', 'dlopen', 'errno', 'signals',
  'priority']);
assert.strictEqual(Object.getPrototypeOf(c.signals), null);
assert.strictEqual(c.signals.SIGTERM, 15);
assert.strictEqual(c.signals.SIGKILL, 9);
assert.strictEqual(c.signals.SIGINT, 2);
assert.strictEqual(c.errno.ENOENT, 2);
assert.strictEqual(c.errno.EACCES, 13);
assert.strictEqual(Object.keys(c.errno).length >= 70, true);
assert.deepStrictEqual({ ...c.priority }, {
  PRIORITY_LOW: 19,
  PRIORITY_BELOW_NORMAL: 10,
  PRIORITY_NORMAL: 0,
  PRIORITY_ABOVE_NORMAL: -7,
  PRIORITY_HIGH: -14,
  PRIORITY_HIGHEST: -20,
});
assert.strictEqual(c.dlopen.RTLD_LAZY, 1);
assert.strictEqual(c.dlopen.RTLD_NOW, 2);
assert.strictEqual(Object.getOwnPropertyDescriptor(os, 'constants').configurable, false);
