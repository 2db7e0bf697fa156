'use strict';
// A 24 MiB file read back whole in every form, and read in slices with positions.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'big');
const size = 24 * 1024 * 1024 + 7;
const data = Buffer.alloc(size);
for (let i = 0; i < size; i += 4096) data[i] = (i / 4096) & 0xff;
data[size - 1] = 0x5a;
fs.writeFileSync(file, data);
assert.strictEqual(fs.statSync(file).size, size);

assert.ok(fs.readFileSync(file).equals(data));
const text = fs.readFileSync(file, 'latin1');
assert.strictEqual(text.length, size);
assert.strictEqual(text.charCodeAt(size - 1), 0x5a);

const fd = fs.openSync(file, 'r');
const slice = Buffer.alloc(10);
assert.strictEqual(fs.readSync(fd, slice, 0, 10, size - 10), 10);
assert.ok(slice.equals(data.subarray(size - 10)));
fs.closeSync(fd);

let done = 0;
fs.readFile(file, (err, buf) => {
  assert.ifError(err);
  assert.ok(buf.equals(data));
  done++;
});
fs.promises.readFile(file).then((buf) => {
  assert.ok(buf.equals(data));
  done++;
});
process.on('exit', () => assert.strictEqual(done, 2));
