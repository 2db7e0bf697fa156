'use strict';
// fs.watch of a missing path throws a Node-shaped ENOENT naming 'watch' and the file;
// bad arguments are rejected before any watching starts.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const missing = path.join(os.tmpdir(), `no-such-dir-${process.pid}`, 'x');
assert.throws(() => fs.watch(missing), (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'watch');
  assert.strictEqual(err.path, missing);
  assert.strictEqual(err.filename, missing);
  assert.strictEqual(err.message, `ENOENT: no such file or directory, watch '${missing}'`);
  return true;
});
assert.throws(() => fs.watch(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.watch(os.tmpdir(), { recursive: 'yes' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => fs.watch(os.tmpdir(), { encoding: 'nope' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => fs.watchFile(os.tmpdir()), { code: 'ERR_INVALID_ARG_TYPE' });
// unwatchFile of something never watched is a no-op.
fs.unwatchFile(missing);
