'use strict';
// open() flag strings: valid ones behave as open(2), invalid ones throw.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'f');

for (const bad of ['zz', 'rw', '', 'r++', {}, true]) {
  assert.throws(() => fs.openSync(file, bad), { code: 'ERR_INVALID_ARG_VALUE' });
}
assert.throws(() => fs.openSync(file, 'zz'), {
  name: 'TypeError',
  message: "The argument 'flags' is invalid. Received 'zz'",
});
assert.throws(() => fs.open(file, 'zz', () => {}), { code: 'ERR_INVALID_ARG_VALUE' });

assert.throws(() => fs.openSync(file, 'r'), { code: 'ENOENT' });
let fd = fs.openSync(file, 'wx');
fs.closeSync(fd);
assert.throws(() => fs.openSync(file, 'wx'), { code: 'EEXIST', syscall: 'open' });
assert.throws(() => fs.openSync(file, 'ax+'), { code: 'EEXIST' });

fd = fs.openSync(file, 'a+');
fs.writeSync(fd, 'abc');
fs.closeSync(fd);
fd = fs.openSync(file, fs.constants.O_RDWR);
const buf = Buffer.alloc(3);
assert.strictEqual(fs.readSync(fd, buf, 0, 3, 0), 3);
assert.strictEqual(buf.toString(), 'abc');
fs.closeSync(fd);

// 'w' truncates.
fs.closeSync(fs.openSync(file, 'w'));
assert.strictEqual(fs.statSync(file).size, 0);

// Bad descriptors.
assert.throws(() => fs.closeSync(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.fstatSync(1e6), { code: 'EBADF', syscall: 'fstat' });
