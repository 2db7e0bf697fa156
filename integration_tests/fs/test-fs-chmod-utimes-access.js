'use strict';
// chmod/fchmod, utimes/futimes/lutimes, access and exists.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'f');
fs.writeFileSync(file, '');

fs.chmodSync(file, 0o640);
assert.strictEqual(fs.statSync(file).mode & 0o777, 0o640);
fs.chmodSync(file, '755');
assert.strictEqual(fs.statSync(file).mode & 0o777, 0o755);
assert.throws(() => fs.chmodSync(file, 'rwx'), { code: 'ERR_INVALID_ARG_VALUE' });
const fd = fs.openSync(file, 'r');
fs.fchmodSync(fd, 0o600);
assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);

fs.utimesSync(file, 1000, new Date(2000000));
let st = fs.statSync(file);
assert.strictEqual(st.atimeMs, 1000000);
assert.strictEqual(st.mtimeMs, 2000000);
fs.futimesSync(fd, 3000, 4000);
st = fs.statSync(file);
assert.strictEqual(st.mtime.getTime(), 4000000);
fs.closeSync(fd);
fs.symlinkSync(file, path.join(tmp, 'ln'));
fs.lutimesSync(path.join(tmp, 'ln'), 5000, 6000);
assert.strictEqual(fs.lstatSync(path.join(tmp, 'ln')).mtimeMs, 6000000);
assert.strictEqual(fs.statSync(file).mtimeMs, 4000000);
assert.throws(() => fs.utimesSync(file, 'soon', 1), { code: 'ERR_INVALID_ARG_TYPE' });

fs.accessSync(file);
fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
assert.throws(() => fs.accessSync(path.join(tmp, 'nope')), { code: 'ENOENT', syscall: 'access' });
assert.throws(() => fs.accessSync(file, 8), { code: 'ERR_OUT_OF_RANGE' });
assert.strictEqual(fs.existsSync(file), true);
assert.strictEqual(fs.existsSync(path.join(tmp, 'nope')), false);
assert.strictEqual(fs.existsSync(), false);
assert.strictEqual(fs.existsSync('bad\0path'), false);

let done = 0;
fs.exists(file, (yes) => {
  assert.strictEqual(yes, true);
  done++;
});
fs.chmod(file, 0o644, (err) => {
  assert.ifError(err);
  fs.access(file, fs.constants.X_OK, (err) => {
    // root may execute nothing without an x bit.
    assert.strictEqual(err.code, 'EACCES');
    done++;
  });
});
fs.promises.utimes(file, 7, 8).then(() => {
  assert.strictEqual(fs.statSync(file).mtimeMs, 8000);
  done++;
});
process.on('exit', () => assert.strictEqual(done, 3));
