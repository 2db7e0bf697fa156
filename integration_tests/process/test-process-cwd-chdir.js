'use strict';
// process.cwd() and process.chdir(). The test runner starts scripts with the
// cwd set to the script's directory.
const assert = require('node:assert');

const start = process.cwd();
assert.strictEqual(typeof start, 'string');
assert.strictEqual(start[0], '/');
assert.strictEqual(start, __dirname);

process.chdir('/');
assert.strictEqual(process.cwd(), '/');

process.chdir(__dirname + '/..');
assert.strictEqual(process.cwd() + '/process', __dirname);

process.chdir('process');  // relative to the current directory
assert.strictEqual(process.cwd(), __dirname);

let err = null;
try {
  process.chdir(__dirname + '/no-such-directory');
} catch (e) {
  err = e;
}
assert.ok(err instanceof Error);
assert.strictEqual(err.code, 'ENOENT');
assert.match(err.message, /^ENOENT: no such file or directory, chdir /);
assert.strictEqual(process.cwd(), __dirname);

assert.throws(() => process.chdir(42), { code: 'ERR_INVALID_ARG_TYPE' });
console.log('ok');
