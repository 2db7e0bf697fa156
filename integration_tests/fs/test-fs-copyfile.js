'use strict';
// copyFile and its mode flags.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const src = path.join(tmp, 'src');
const dest = path.join(tmp, 'dest');
fs.writeFileSync(src, 'payload');

fs.copyFileSync(src, dest);
assert.strictEqual(fs.readFileSync(dest, 'utf8'), 'payload');
fs.copyFileSync(src, dest);  // overwrite by default
assert.throws(() => fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL), {
  code: 'EEXIST', syscall: 'copyfile', path: src, dest,
});
const cloned = path.join(tmp, 'cloned');
fs.copyFileSync(src, cloned, fs.constants.COPYFILE_FICLONE);  // falls back to a copy
assert.strictEqual(fs.readFileSync(cloned, 'utf8'), 'payload');
assert.throws(() => fs.copyFileSync(src, dest, 8), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.copyFileSync(tmp, path.join(tmp, 'other')), { code: 'EISDIR' });

let done = 0;
fs.copyFile(src, path.join(tmp, 'cb'), (err) => {
  assert.ifError(err);
  assert.strictEqual(fs.readFileSync(path.join(tmp, 'cb'), 'utf8'), 'payload');
  done++;
});
fs.promises.copyFile(src, dest, fs.constants.COPYFILE_EXCL).then(assert.fail, (err) => {
  assert.strictEqual(err.code, 'EEXIST');
  done++;
});
process.on('exit', () => assert.strictEqual(done, 2));
