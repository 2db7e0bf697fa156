'use strict';
// mkdtemp: six random characters after the prefix, in all three forms.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const base = process.env.TEST_TMPDIR || '/tmp';
const made = [];
process.on('exit', () => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const a = fs.mkdtempSync(path.join(base, 'skua-mk-'));
made.push(a);
assert.match(path.basename(a), /^skua-mk-[A-Za-z0-9]{6}$/);
assert.ok(fs.statSync(a).isDirectory());
const b = fs.mkdtempSync(path.join(base, 'skua-mk-'), { encoding: 'buffer' });
made.push(b.toString());
assert.ok(Buffer.isBuffer(b));
assert.throws(() => fs.mkdtempSync(path.join(base, 'no-such-dir', 'x-')),
  { code: 'ENOENT', syscall: 'mkdtemp' });

let done = 0;
fs.mkdtemp(path.join(base, 'skua-mk-'), (err, dir) => {
  assert.ifError(err);
  made.push(dir);
  assert.notStrictEqual(dir, a);
  done++;
});
fs.promises.mkdtemp(path.join(base, 'skua-mk-')).then((dir) => {
  made.push(dir);
  done++;
});
process.on('exit', () => assert.strictEqual(done, 2));
