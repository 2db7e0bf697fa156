'use strict';
// readdir: names, Dirents, recursive listing, and errors.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
fs.mkdirSync(path.join(tmp, 'sub', 'deeper'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'b.txt'), '');
fs.writeFileSync(path.join(tmp, 'sub', 'c.txt'), '');
fs.writeFileSync(path.join(tmp, 'sub', 'deeper', 'd.txt'), '');
fs.symlinkSync('b.txt', path.join(tmp, 'ln'));

assert.deepStrictEqual(fs.readdirSync(tmp).sort(), ['b.txt', 'ln', 'sub']);
const dirents = fs.readdirSync(tmp, { withFileTypes: true });
const byName = Object.fromEntries(dirents.map((d) => [d.name, d]));
assert.ok(byName['b.txt'].isFile());
assert.ok(byName.sub.isDirectory());
assert.ok(byName.ln.isSymbolicLink());
assert.ok(byName.sub instanceof fs.Dirent);
assert.strictEqual(byName.sub.parentPath, tmp);

const expected = ['b.txt', 'ln', 'sub', 'sub/c.txt', 'sub/deeper', 'sub/deeper/d.txt'];
assert.deepStrictEqual(fs.readdirSync(tmp, { recursive: true }).sort(), expected);
const deepDirents = fs.readdirSync(tmp, { recursive: true, withFileTypes: true });
const d = deepDirents.find((e) => e.name === 'd.txt');
assert.strictEqual(d.parentPath, path.join(tmp, 'sub', 'deeper'));

const asBuffers = fs.readdirSync(tmp, { encoding: 'buffer' });
assert.ok(asBuffers.every((b) => Buffer.isBuffer(b)));

assert.throws(() => fs.readdirSync(path.join(tmp, 'b.txt')), { code: 'ENOTDIR', syscall: 'scandir' });

let done = 0;
fs.readdir(tmp, { recursive: true }, (err, names) => {
  assert.ifError(err);
  assert.deepStrictEqual(names.sort(), expected);
  done++;
});
fs.readdir(tmp, { withFileTypes: true }, (err, list) => {
  assert.ifError(err);
  assert.strictEqual(list.length, 3);
  done++;
});
fs.promises.readdir(path.join(tmp, 'sub')).then((names) => {
  assert.deepStrictEqual(names.sort(), ['c.txt', 'deeper']);
  done++;
});
process.on('exit', () => assert.strictEqual(done, 3));
