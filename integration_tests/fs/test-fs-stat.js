'use strict';
// stat/lstat/fstat/statfs: Stats fields, BigIntStats, symlinks, throwIfNoEntry.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'f');
fs.writeFileSync(file, '12345');
fs.symlinkSync(file, path.join(tmp, 'link'));

const st = fs.statSync(file);
assert.ok(st instanceof fs.Stats);
assert.strictEqual(st.size, 5);
assert.ok(st.isFile());
assert.ok(!st.isDirectory());
assert.ok(st.mtime instanceof Date);
assert.strictEqual(st.mtime.getTime(), Math.floor(st.mtimeMs) === st.mtimeMs ?
  st.mtimeMs : st.mtime.getTime());
assert.ok(Math.abs(st.mtimeMs - Date.now()) < 60000);
for (const key of ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize', 'ino', 'size',
  'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs', 'birthtimeMs']) {
  assert.strictEqual(typeof st[key], 'number', key);
}

const big = fs.statSync(file, { bigint: true });
assert.strictEqual(big.size, 5n);
assert.strictEqual(typeof big.mtimeNs, 'bigint');
assert.strictEqual(big.mtimeMs, big.mtimeNs / 1000000n);
assert.ok(big.isFile());

assert.ok(fs.lstatSync(path.join(tmp, 'link')).isSymbolicLink());
assert.ok(fs.statSync(path.join(tmp, 'link')).isFile());
assert.ok(fs.statSync(tmp).isDirectory());

const fd = fs.openSync(file, 'r');
assert.strictEqual(fs.fstatSync(fd).ino, st.ino);
fs.closeSync(fd);

assert.strictEqual(fs.statSync(path.join(tmp, 'nope'), { throwIfNoEntry: false }), undefined);
assert.strictEqual(fs.lstatSync(path.join(tmp, 'nope'), { throwIfNoEntry: false }), undefined);
assert.throws(() => fs.statSync(path.join(file, 'x')), { code: 'ENOTDIR' });

const sfs = fs.statfsSync(tmp);
assert.ok(sfs.bsize > 0 && sfs.blocks > 0);
assert.strictEqual(typeof fs.statfsSync(tmp, { bigint: true }).bsize, 'bigint');

let done = 0;
fs.stat(file, (err, s) => {
  assert.ifError(err);
  assert.strictEqual(s.size, 5);
  done++;
});
fs.lstat(path.join(tmp, 'link'), { bigint: true }, (err, s) => {
  assert.ifError(err);
  assert.ok(s.isSymbolicLink());
  assert.strictEqual(typeof s.ino, 'bigint');
  done++;
});
fs.promises.stat(tmp).then((s) => {
  assert.ok(s.isDirectory());
  done++;
});
process.on('exit', () => assert.strictEqual(done, 3));
