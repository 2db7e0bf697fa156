'use strict';
// Strings are converted to Buffers before _write unless decodeStrings is false; the
// encoding argument follows; null chunks and bad types throw.
const assert = require('node:assert');
const { Writable } = require('node:stream');

const got = [];
const w = new Writable({
  write(chunk, encoding, cb) {
    got.push([Buffer.isBuffer(chunk), encoding, chunk.toString()]);
    cb();
  },
});
w.write('hi');
w.write('6869', 'hex');
w.write(new Uint8Array([0x6f, 0x6b]));
assert.deepStrictEqual(got, [
  [true, 'buffer', 'hi'],
  [true, 'buffer', 'hi'],
  [true, 'buffer', 'ok'],
]);

const raw = [];
const s = new Writable({
  decodeStrings: false,
  defaultEncoding: 'latin1',
  write(chunk, encoding, cb) {
    raw.push([typeof chunk, encoding]);
    cb();
  },
});
s.write('x');
s.write('y', 'utf8');
assert.deepStrictEqual(raw, [['string', 'latin1'], ['string', 'utf8']]);

assert.throws(() => w.write(null), { code: 'ERR_STREAM_NULL_VALUES', name: 'TypeError' });
assert.throws(() => w.write(42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => w.write('x', 'no-such-encoding'), { code: 'ERR_UNKNOWN_ENCODING' });
assert.throws(() => w.setDefaultEncoding('nope'), { code: 'ERR_UNKNOWN_ENCODING' });
