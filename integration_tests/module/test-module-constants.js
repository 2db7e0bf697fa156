'use strict';
// The deprecated `constants` builtin (graceful-fs, and so jest, require it): one frozen
// object holding os, fs and crypto constants.
const assert = require('node:assert');
const os = require('node:os');
const fs = require('node:fs');
const crypto = require('node:crypto');

const constants = require('constants');
assert.strictEqual(require('node:constants'), constants);
assert.ok(Object.isFrozen(constants));
assert.ok(require('node:module').builtinModules.includes('constants'));

assert.strictEqual(constants.O_RDONLY, fs.constants.O_RDONLY);
assert.strictEqual(constants.O_CREAT, fs.constants.O_CREAT);
assert.strictEqual(constants.S_IFMT, fs.constants.S_IFMT);
assert.strictEqual(constants.ENOENT, os.constants.errno.ENOENT);
assert.strictEqual(constants.SIGTERM, os.constants.signals.SIGTERM);
assert.strictEqual(constants.PRIORITY_LOW, os.constants.priority.PRIORITY_LOW);
assert.strictEqual(constants.RTLD_LAZY, os.constants.dlopen.RTLD_LAZY);
assert.strictEqual(constants.RSA_PKCS1_PADDING, crypto.constants.RSA_PKCS1_PADDING);

// Everything it holds is a number or a string, from one of those four tables.
const sources = [fs.constants, os.constants.errno, os.constants.signals,
  os.constants.priority, os.constants.dlopen, crypto.constants];
for (const [key, value] of Object.entries(constants)) {
  assert.ok(['number', 'string'].includes(typeof value), key);
  assert.ok(sources.some((table) => table[key] === value), key);
}
assert.throws(() => { 'use strict'; constants.O_RDONLY = 5; }, TypeError);
