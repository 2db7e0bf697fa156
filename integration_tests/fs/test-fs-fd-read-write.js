'use strict';
// Descriptor I/O: read/write at positions, strings with encodings, readv/writev,
// ftruncate, fsync, and the callback forms' extra arguments.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'io');

const fd = fs.openSync(file, 'w+');
assert.strictEqual(fs.writeSync(fd, 'hello'), 5);
assert.strictEqual(fs.writeSync(fd, Buffer.from(' world')), 6);
assert.strictEqual(fs.writeSync(fd, 'ff', 11, 'hex'), 1);
assert.strictEqual(fs.writeSync(fd, Buffer.from('XY'), 0, 1, 0), 1);

const buf = Buffer.alloc(12);
assert.strictEqual(fs.readSync(fd, buf, 0, 12, 0), 12);
assert.strictEqual(buf.subarray(0, 11).toString(), 'Xello world');
assert.strictEqual(buf[11], 0xff);
assert.strictEqual(fs.readSync(fd, buf, { position: 6, length: 5 }), 5);
assert.strictEqual(buf.subarray(0, 5).toString(), 'world');
assert.strictEqual(fs.readSync(fd, buf, 0, 4, 100), 0);  // past the end
assert.strictEqual(fs.readSync(fd, buf, 0, 4, 6n), 4);  // bigint position
assert.throws(() => fs.readSync(fd, buf, 0, 13, 0), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.readSync(fd, 'nope', 0, 1, 0), { code: 'ERR_INVALID_ARG_TYPE' });

assert.strictEqual(fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cd')], 0), 4);
const parts = [Buffer.alloc(1), Buffer.alloc(3)];
assert.strictEqual(fs.readvSync(fd, parts, 0), 4);
assert.strictEqual(Buffer.concat(parts).toString(), 'abcd');

fs.ftruncateSync(fd, 3);
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
assert.strictEqual(fs.fstatSync(fd).size, 3);
fs.closeSync(fd);
assert.throws(() => fs.closeSync(fd), { code: 'EBADF', syscall: 'close' });
fs.truncateSync(file, 1);
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'a');

let done = 0;
fs.open(file, 'r+', (err, fd2) => {
  assert.ifError(err);
  const data = Buffer.from('zz');
  fs.write(fd2, data, 0, 2, 0, (err, written, b) => {
    assert.ifError(err);
    assert.strictEqual(written, 2);
    assert.strictEqual(b, data);
    fs.read(fd2, Buffer.alloc(2), 0, 2, 0, (err, n, out) => {
      assert.ifError(err);
      assert.strictEqual(n, 2);
      assert.strictEqual(out.toString(), 'zz');
      fs.write(fd2, 'q', 0, 'utf8', (err, written2, str) => {
        assert.strictEqual(written2, 1);
        assert.strictEqual(str, 'q');
        fs.close(fd2, (err) => {
          assert.ifError(err);
          done++;
        });
      });
    });
  });
});
process.on('exit', () => assert.strictEqual(done, 1));
