'use strict';
// util.promisify(fs.read/write/readv/writev/exists) resolve as Node's do, a Dir's
// buffered entries are still delivered asynchronously, mkdtemp warns on trailing X's,
// and writeFile's flush is a validated boolean.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { promisify } = require('util');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fsprom-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'f');
fs.writeFileSync(file, 'abc');
fs.writeFileSync(path.join(tmp, 'g'), 'g');

assert.throws(() => fs.writeFileSync(file, 'x', { flush: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });

const warnings = [];
process.on('warning', (w) => warnings.push(w.message));
fs.rmdirSync(fs.mkdtempSync(path.join(tmp, 'tX')));

(async () => {
  const fd = fs.openSync(file, 'r+');
  const r = await promisify(fs.read)(fd, Buffer.alloc(3), 0, 3, 0);
  assert.strictEqual(r.bytesRead, 3);
  assert.strictEqual(r.buffer.toString(), 'abc');
  const w = await promisify(fs.write)(fd, Buffer.from('z'), 0, 1, 0);
  assert.deepStrictEqual(Object.keys(w), ['bytesWritten', 'buffer']);
  const rv = await promisify(fs.readv)(fd, [Buffer.alloc(1)], 0);
  assert.strictEqual(rv.bytesRead, 1);
  assert.ok(Array.isArray(rv.buffers));
  assert.strictEqual(await promisify(fs.exists)(file), true);
  fs.closeSync(fd);

  const dir = fs.opendirSync(tmp);
  await new Promise((resolve) => {
    dir.read((err, first) => {
      assert.ifError(err);
      let sync = true;
      dir.read((err2, second) => {
        assert.ifError(err2);
        assert.strictEqual(sync, false);
        assert.ok(second);
        dir.close(resolve);
      });
      sync = false;
    });
  });
  assert.ok(warnings.some((m) => m.startsWith('mkdtemp() templates ending with X')));
})().then(() => {}, (err) => { process.exitCode = 1; throw err; });
