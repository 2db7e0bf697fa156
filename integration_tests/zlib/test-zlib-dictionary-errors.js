'use strict';
// Preset dictionaries: round trips with the right one; a missing or wrong one fails
// with Node's Z_NEED_DICT errors (raw streams carry no check, so they fail later).
const assert = require('node:assert');
const zlib = require('node:zlib');

const dictionary = Buffer.from('GET POST HTTP/1.1 Host: Content-Length: Accept:');
const message = Buffer.from('POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n');

const packed = zlib.deflateSync(message, { dictionary });
assert.ok(zlib.inflateSync(packed, { dictionary }).equals(message));
// ArrayBuffer and typed-array dictionaries work the same.
const ab = dictionary.buffer.slice(dictionary.byteOffset,
  dictionary.byteOffset + dictionary.length);
assert.ok(zlib.inflateSync(packed, { dictionary: ab }).equals(message));
assert.ok(zlib.inflateSync(packed, { dictionary: new Uint8Array(ab) }).equals(message));

const raw = zlib.deflateRawSync(message, { dictionary });
assert.ok(zlib.inflateRawSync(raw, { dictionary }).equals(message));

assert.throws(() => zlib.inflateSync(packed),
  { message: 'Missing dictionary', code: 'Z_NEED_DICT', errno: 2 });
assert.throws(() => zlib.inflateSync(packed, { dictionary: Buffer.from('wrong') }),
  { message: 'Bad dictionary', code: 'Z_NEED_DICT', errno: 2 });

let calls = 0;
zlib.inflate(packed, { dictionary: Buffer.from('wrong') }, (err) => {
  assert.strictEqual(err.message, 'Bad dictionary');
  calls++;
});
const stream = zlib.createInflate();
stream.on('error', (err) => {
  assert.strictEqual(err.message, 'Missing dictionary');
  calls++;
});
stream.end(packed);

assert.throws(() => zlib.createDeflate({ dictionary: 'words' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.dictionary" property must be an instance of Buffer, TypedArray, ' +
    "DataView, or ArrayBuffer. Received type string ('words')",
});
process.on('exit', () => assert.strictEqual(calls, 2));
