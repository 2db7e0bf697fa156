'use strict';
// Reading a directory as a file fails with EISDIR (and no path, as in Node).
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const expected = {
  code: 'EISDIR',
  syscall: 'read',
  message: 'EISDIR: illegal operation on a directory, read',
};
assert.throws(() => fs.readFileSync(tmp), expected);
assert.throws(() => fs.readFileSync(tmp, 'utf8'), expected);
let called = 0;
fs.readFile(tmp, (err) => {
  assert.strictEqual(err.code, 'EISDIR');
  assert.strictEqual(err.syscall, 'read');
  called++;
});
fs.promises.readFile(tmp).then(assert.fail, (err) => {
  assert.strictEqual(err.code, 'EISDIR');
  called++;
});
// Writing to a directory fails at open.
assert.throws(() => fs.writeFileSync(tmp, 'x'), { code: 'EISDIR', syscall: 'open' });
process.on('exit', () => assert.strictEqual(called, 2));
