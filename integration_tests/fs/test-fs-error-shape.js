'use strict';
// A failed call reports Node's error shape in all three forms.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const missing = path.join(tmp, 'missing');

function check(err, syscall) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, -2);
  assert.strictEqual(err.syscall, syscall);
  assert.strictEqual(err.path, missing);
  assert.strictEqual(err.message, `ENOENT: no such file or directory, ${syscall} '${missing}'`);
}

assert.throws(() => fs.openSync(missing, 'r'), (err) => { check(err, 'open'); return true; });
assert.throws(() => fs.statSync(missing), (err) => { check(err, 'stat'); return true; });
assert.throws(() => fs.readdirSync(missing), (err) => { check(err, 'scandir'); return true; });
assert.throws(() => fs.unlinkSync(missing), (err) => { check(err, 'unlink'); return true; });

fs.stat(missing, (err) => check(err, 'stat'));
fs.readlink(missing, (err) => check(err, 'readlink'));
fs.promises.access(missing).then(assert.fail, (err) => check(err, 'access'));

// Two-path calls carry `dest` too.
const dest = path.join(tmp, 'dest');
assert.throws(() => fs.renameSync(missing, dest), (err) => {
  assert.strictEqual(err.dest, dest);
  assert.strictEqual(err.message,
    `ENOENT: no such file or directory, rename '${missing}' -> '${dest}'`);
  return true;
});
fs.copyFile(missing, dest, (err) => {
  assert.strictEqual(err.syscall, 'copyfile');
  assert.strictEqual(err.dest, dest);
});
