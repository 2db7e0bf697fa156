'use strict';
// rename, link, symlink, readlink and realpath.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.realpathSync(
  fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-')));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const a = path.join(tmp, 'a');
fs.writeFileSync(a, 'A');

fs.renameSync(a, path.join(tmp, 'b'));
assert.strictEqual(fs.existsSync(a), false);
fs.linkSync(path.join(tmp, 'b'), a);
assert.strictEqual(fs.statSync(a).nlink, 2);
assert.throws(() => fs.linkSync(path.join(tmp, 'b'), a), {
  code: 'EEXIST', syscall: 'link', path: path.join(tmp, 'b'), dest: a,
});

fs.symlinkSync('b', path.join(tmp, 'rel'));
assert.strictEqual(fs.readlinkSync(path.join(tmp, 'rel')), 'b');
assert.deepStrictEqual(fs.readlinkSync(path.join(tmp, 'rel'), 'buffer'), Buffer.from('b'));
assert.strictEqual(fs.realpathSync(path.join(tmp, 'rel')), path.join(tmp, 'b'));
assert.strictEqual(fs.realpathSync.native(path.join(tmp, 'rel')), path.join(tmp, 'b'));
assert.throws(() => fs.readlinkSync(a), { code: 'EINVAL', syscall: 'readlink' });
assert.throws(() => fs.symlinkSync('b', path.join(tmp, 'rel')), {
  code: 'EEXIST', message: `EEXIST: file already exists, symlink 'b' -> '${path.join(tmp, 'rel')}'`,
});
assert.throws(() => fs.symlinkSync('b', path.join(tmp, 'x'), 'bogus'), {
  code: 'ERR_FS_INVALID_SYMLINK_TYPE',
  message: 'Symlink type must be one of "dir", "file", or "junction". Received "bogus"',
});

fs.symlinkSync(path.join(tmp, 'loop2'), path.join(tmp, 'loop1'));
fs.symlinkSync(path.join(tmp, 'loop1'), path.join(tmp, 'loop2'));
assert.throws(() => fs.realpathSync(path.join(tmp, 'loop1')), { code: 'ELOOP' });

let done = 0;
fs.rename(path.join(tmp, 'b'), path.join(tmp, 'c'), (err) => {
  assert.ifError(err);
  fs.readlink(path.join(tmp, 'rel'), (err, target) => {
    assert.ifError(err);
    assert.strictEqual(target, 'b');
    fs.realpath(path.join(tmp, 'rel'), (err) => {
      assert.strictEqual(err.code, 'ENOENT');  // dangling now
      done++;
    });
  });
});
fs.promises.symlink('c', path.join(tmp, 'p')).then(() => fs.promises.readlink(path.join(tmp, 'p')))
  .then((t) => {
    assert.strictEqual(t, 'c');
    done++;
  });
process.on('exit', () => assert.strictEqual(done, 2));
