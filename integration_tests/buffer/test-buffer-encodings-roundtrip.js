'use strict';
// Every encoding round-trips, and each decodes known text to known bytes.
const assert = require('assert');

const text = 'héllo wörld € 😀';
for (const encoding of ['utf8', 'utf-8', 'UTF8', 'ucs2', 'utf16le', 'utf-16le', 'base64', 'base64url', 'hex']) {
  const buf = Buffer.from(text, 'utf8');
  const encoded = buf.toString(encoding);
  assert.deepStrictEqual(Buffer.from(encoded, encoding), buf, encoding);
}
assert.strictEqual(Buffer.from('aé', 'latin1').toString('hex'), '61e9');
assert.strictEqual(Buffer.from('aé', 'binary').toString('latin1'), 'aé');
assert.strictEqual(Buffer.from('€', 'utf8').toString('hex'), 'e282ac');
assert.strictEqual(Buffer.from('€', 'ucs2').toString('hex'), 'ac20');
assert.strictEqual(Buffer.from('hello').toString('base64'), 'aGVsbG8=');
assert.strictEqual(Buffer.from('hello').toString('base64url'), 'aGVsbG8');
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64'), '+/8=');
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64url'), '-_8');
// 'ascii' decodes by dropping the top bit and encodes like latin1.
assert.strictEqual(Buffer.from([0xff, 0x80, 0x41]).toString('ascii'), '\x7f\x00A');
assert.strictEqual(Buffer.from('é', 'ascii').toString('hex'), 'e9');
// Lone surrogates become U+FFFD in UTF-8; invalid UTF-8 decodes to U+FFFD.
assert.strictEqual(Buffer.from('\ud800x').toString('hex'), 'efbfbd78');
assert.strictEqual(Buffer.from([0xe2, 0x82]).toString(), '\ufffd');
// An odd trailing byte is ignored by utf16le.
assert.strictEqual(Buffer.from([0x61, 0x00, 0x62]).toString('utf16le'), 'a');
// Large inputs take the native path and still round-trip.
const big = 'xyz€'.repeat(300000);
assert.strictEqual(Buffer.from(big).toString(), big);
assert.strictEqual(Buffer.from(Buffer.from(big).toString('base64'), 'base64').toString(), big);
assert.strictEqual(Buffer.from(Buffer.from(big).toString('hex'), 'hex').toString(), big);
assert.strictEqual(Buffer.from(big, 'latin1').toString('latin1'), big.replace(/€/g, '\xac'));
assert.strictEqual(Buffer.byteLength(big), 6 * 300000);
