'use strict';
// mkdir with { recursive }: returns the first directory created; EEXIST/ENOTDIR cases.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const deep = path.join(tmp, 'a', 'b', 'c');
assert.strictEqual(fs.mkdirSync(deep, { recursive: true }), path.join(tmp, 'a'));
assert.ok(fs.statSync(deep).isDirectory());
assert.strictEqual(fs.mkdirSync(deep, { recursive: true }), undefined);

assert.throws(() => fs.mkdirSync(deep), { code: 'EEXIST', syscall: 'mkdir', path: deep });
assert.throws(() => fs.mkdirSync(path.join(tmp, 'x', 'y')), { code: 'ENOENT' });

const file = path.join(tmp, 'file');
fs.writeFileSync(file, '');
assert.throws(() => fs.mkdirSync(file, { recursive: true }), { code: 'EEXIST' });
assert.throws(() => fs.mkdirSync(path.join(file, 'sub'), { recursive: true }),
  { code: 'ENOTDIR', syscall: 'mkdir' });
assert.throws(() => fs.mkdirSync(deep, { recursive: 'yes' }), { code: 'ERR_INVALID_ARG_TYPE' });

// Mode as a number or an octal string.
fs.mkdirSync(path.join(tmp, 'm1'), 0o700);
fs.mkdirSync(path.join(tmp, 'm2'), { mode: '700' });
assert.strictEqual(fs.statSync(path.join(tmp, 'm2')).mode & 0o777, 0o700);

let done = 0;
fs.mkdir(path.join(tmp, 'p', 'q'), { recursive: true }, (err, first) => {
  assert.ifError(err);
  assert.strictEqual(first, path.join(tmp, 'p'));
  fs.mkdir(path.join(file, 'z'), { recursive: true }, (err) => {
    assert.strictEqual(err.code, 'ENOTDIR');
    done++;
  });
});
fs.promises.mkdir(path.join(tmp, 'r', 's'), { recursive: true }).then((first) => {
  assert.strictEqual(first, path.join(tmp, 'r'));
  done++;
});
process.on('exit', () => assert.strictEqual(done, 2));
