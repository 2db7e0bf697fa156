'use strict';
// stream.isReadable/isWritable/isErrored/isDisturbed/isDestroyed and
// setDefaultHighWaterMark.
const assert = require('node:assert');
const stream = require('node:stream');
const { Readable, Writable } = stream;

const r = new Readable({ read() {} });
assert.strictEqual(stream.isReadable(r), true);
assert.strictEqual(stream.isDisturbed(r), false);
r.push('a');
r.read();
assert.strictEqual(stream.isDisturbed(r), true);

const w = new Writable({ write(c, e, cb) { cb(); } });
assert.strictEqual(stream.isWritable(w), true);
w.end();
assert.strictEqual(stream.isWritable(w), false);

const e = new Readable({ read() {} });
e.on('error', () => {});
e.destroy(new Error('x'));
assert.strictEqual(stream.isDestroyed(e), true);
assert.strictEqual(stream.isReadable(e), false);
setImmediate(() => assert.strictEqual(stream.isErrored(e), true));

stream.setDefaultHighWaterMark(false, 1024);
stream.setDefaultHighWaterMark(true, 4);
try {
  assert.strictEqual(new Readable().readableHighWaterMark, 1024);
  assert.strictEqual(new Writable({ objectMode: true }).writableHighWaterMark, 4);
} finally {
  stream.setDefaultHighWaterMark(false, 16384);
  stream.setDefaultHighWaterMark(true, 16);
}
assert.throws(() => stream.setDefaultHighWaterMark(false, -1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => new Readable({ highWaterMark: -5 }), { code: 'ERR_INVALID_ARG_VALUE' });
