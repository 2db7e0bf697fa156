'use strict';
// StringDecoder keeps characters split across writes and flushes them in end().
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

const utf8 = new StringDecoder('utf8');
assert.strictEqual(utf8.encoding, 'utf8');
assert.strictEqual(utf8.write(Buffer.from([0xE2, 0x82])), '');
assert.strictEqual(utf8.lastNeed, 1);
assert.strictEqual(utf8.lastTotal, 3);
assert.strictEqual(utf8.write(Buffer.from([0xAC, 0x61])), '€a');
assert.strictEqual(utf8.write(Buffer.from([0xF0, 0x9F])), '');
assert.strictEqual(utf8.end(), '\ufffd');
assert.strictEqual(utf8.end(new Uint8Array([0x62])), 'b');

const utf16 = new StringDecoder('ucs2');
assert.strictEqual(utf16.encoding, 'utf16le');
assert.strictEqual(utf16.write(Buffer.from([0x3D, 0xD8])), '');
assert.strictEqual(utf16.write(Buffer.from([0x4D])), '');
assert.strictEqual(utf16.write(Buffer.from([0xDC])), '\ud83d\udc4d');

const b64 = new StringDecoder('base64');
assert.strictEqual(b64.write(Buffer.from('ab')), '');
assert.strictEqual(b64.write(Buffer.from('cd')), 'YWJj');
assert.strictEqual(b64.end(), 'ZA==');

// Random chunking gives the same text as decoding everything at once.
const bytes = Buffer.from('héllo wörld ☃ 💩 done', 'utf8');
for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
  const d = new StringDecoder(enc);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) out += d.write(bytes.subarray(i, i + 3));
  assert.strictEqual(out + d.end(), bytes.toString(enc), enc);
}

assert.throws(() => new StringDecoder('nope'), { code: 'ERR_UNKNOWN_ENCODING' });
assert.throws(() => utf8.write(null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => StringDecoder.prototype.write.call({}, Buffer.alloc(1)),
              { code: 'ERR_INVALID_THIS' });
