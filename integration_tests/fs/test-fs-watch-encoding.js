'use strict';
// The `encoding` option decides the type of the filename: a Buffer for 'buffer', a
// hex string for 'hex'.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-encoding-'));
setTimeout(() => assert.fail('no events'), 10000).unref();

const got = {};
function done() {
  if (!got.buffer || !got.hex) return;
  assert.ok(Buffer.isBuffer(got.buffer));
  assert.strictEqual(got.buffer.toString(), 'name.txt');
  assert.strictEqual(got.hex, Buffer.from('name.txt').toString('hex'));
  asBuffer.close();
  asHex.close();
  fs.rmSync(dir, { recursive: true });
}
const asBuffer = fs.watch(dir, { encoding: 'buffer' }, (eventType, filename) => {
  got.buffer ??= filename;
  done();
});
const asHex = fs.watch(dir, 'hex', (eventType, filename) => {
  got.hex ??= filename;
  done();
});
fs.writeFileSync(path.join(dir, 'name.txt'), '');
