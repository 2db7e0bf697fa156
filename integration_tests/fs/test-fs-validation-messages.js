'use strict';
// Argument checks whose exact shape Node 20 defines: read()'s length is coerced and
// range-checked against the buffer, close() calls back with one argument,
// mkdir({ recursive }) in a removed cwd fails with ENOENT (no endless retry),
// rmdir({ recursive }) warns (DEP0147) and fails ENOTDIR on a file.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fsval-'));
const file = path.join(tmp, 'f');
fs.writeFileSync(file, 'abcd');
const fd = fs.openSync(file, 'r+');

assert.throws(() => fs.readSync(fd, Buffer.alloc(4), 0, -1, 0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be >= 0. Received -1',
});
assert.throws(() => fs.read(fd, { buffer: null }, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new fs.Dir(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => fs._toUnixTimestamp(NaN), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(fs._toUnixTimestamp('1'), 1);

const warnings = [];
process.on('warning', (w) => warnings.push(w.code));
assert.throws(() => fs.rmdirSync(file, { recursive: true }), { code: 'ENOTDIR' });

const cwd = process.cwd();
const gone = path.join(tmp, 'gone');
fs.mkdirSync(gone);
process.chdir(gone);
fs.rmdirSync(gone);
assert.throws(() => fs.mkdirSync('X', { recursive: true }), {
  code: 'ENOENT', syscall: 'mkdir',
});
fs.mkdir('X', { recursive: true }, (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  process.chdir(cwd);
  fs.close(fd, (...args) => {
    assert.deepStrictEqual(args, [null]);
    fs.rmSync(tmp, { recursive: true, force: true });
    setImmediate(() => assert.deepStrictEqual(warnings, ['DEP0147']));
  });
});
