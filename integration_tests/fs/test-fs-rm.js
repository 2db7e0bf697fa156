'use strict';
// rm/rmSync and rmdir: files, trees with { recursive }, { force }, directory errors.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

function makeTree(root) {
  fs.mkdirSync(path.join(root, 'd1', 'd2'), { recursive: true });
  fs.writeFileSync(path.join(root, 'f'), 'x');
  fs.writeFileSync(path.join(root, 'd1', 'd2', 'g'), 'y');
  fs.symlinkSync('/nonexistent', path.join(root, 'd1', 'dangling'));
}

const tree = path.join(tmp, 'tree');
makeTree(tree);
assert.throws(() => fs.rmdirSync(tree), { code: 'ENOTEMPTY', syscall: 'rmdir' });
assert.throws(() => fs.rmSync(tree), {
  code: 'ERR_FS_EISDIR',
  name: 'SystemError',
  message: `Path is a directory: rm returned EISDIR (is a directory) ${tree}`,
});
assert.throws(() => fs.rmdirSync(path.join(tree, 'f')), { code: 'ENOTDIR' });
fs.rmSync(tree, { recursive: true });
assert.strictEqual(fs.existsSync(tree), false);

assert.throws(() => fs.rmSync(tree), { code: 'ENOENT' });
fs.rmSync(tree, { force: true });
assert.throws(() => fs.rmSync(tree, { force: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });

const file = path.join(tmp, 'file');
fs.writeFileSync(file, '');
fs.rmSync(file);
assert.strictEqual(fs.existsSync(file), false);

let done = 0;
const tree2 = path.join(tmp, 'tree2');
makeTree(tree2);
fs.rm(tree2, (err) => {
  assert.strictEqual(err.code, 'ERR_FS_EISDIR');
  fs.rm(tree2, { recursive: true }, (err) => {
    assert.ifError(err);
    assert.strictEqual(fs.existsSync(tree2), false);
    fs.rm(tree2, { force: true }, (err) => {
      assert.ifError(err);
      done++;
    });
  });
});
const tree3 = path.join(tmp, 'tree3');
makeTree(tree3);
fs.promises.rm(tree3, { recursive: true, maxRetries: 2 }).then(() => {
  assert.strictEqual(fs.existsSync(tree3), false);
  done++;
});
process.on('exit', () => assert.strictEqual(done, 2));
