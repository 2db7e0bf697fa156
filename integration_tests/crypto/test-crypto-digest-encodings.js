'use strict';
// digest(encoding) of Hash and Hmac and crypto.hash(): every string encoding agrees with
// the Buffer result, at every output length (padding cases, long XOF output), for string
// input of any length and with lone surrogates; odd encoding arguments behave as Node's.
const assert = require('assert');
const crypto = require('crypto');

// Known answers for 'abc' (FIPS 180-4 SHA-256 example) in the string encodings.
const abcHex = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
assert.strictEqual(crypto.createHash('sha256').update('abc').digest('base64'),
                   'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
assert.strictEqual(crypto.createHash('sha256').update('abc').digest('base64url'),
                   'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
assert.strictEqual(crypto.createHash('sha256').update('abc').digest('latin1'),
                   Buffer.from(abcHex, 'hex').toString('latin1'));
assert.strictEqual(crypto.hash('sha256', 'abc', 'base64'),
                   'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');

const encodings = ['hex', 'base64', 'base64url', 'latin1', 'binary', 'utf16le', 'HEX'];

// Every output length around the base64 padding cases, and past any small-output path.
for (const outputLength of [0, 1, 2, 3, 4, 5, 31, 32, 33, 64, 1024, 1025, 3000]) {
  const bytes = crypto.createHash('shake256', { outputLength }).update('x').digest();
  assert.strictEqual(bytes.length, outputLength);
  for (const encoding of encodings) {
    const text = crypto.createHash('shake256', { outputLength }).update('x').digest(encoding);
    assert.strictEqual(text, bytes.toString(encoding), `${outputLength} ${encoding}`);
  }
}

// String input: short, around a few hundred bytes, long, multi-byte and lone surrogates,
// each the same as hashing its UTF-8 bytes.
const inputs = ['', 'hello', 'é'.repeat(84), 'é'.repeat(86), '\u20ac'.repeat(90),
                'a\ud800b', '\udc00'.repeat(100), 'z'.repeat(5000)];
for (const input of inputs) {
  const utf8 = Buffer.from(input, 'utf8');
  for (const alg of ['sha256', 'md5']) {
    const want = crypto.createHash(alg).update(utf8).digest('hex');
    assert.strictEqual(crypto.createHash(alg).update(input).digest('hex'), want);
    assert.strictEqual(crypto.hash(alg, input), want);
    assert.strictEqual(crypto.createHmac(alg, 'k').update(input).digest('base64'),
                       crypto.createHmac(alg, 'k').update(utf8).digest().toString('base64'));
  }
}

// Hmac: every encoding agrees with the Buffer result.
for (const encoding of encodings) {
  const bytes = crypto.createHmac('sha512', 'key').update('data').digest();
  assert.strictEqual(crypto.createHmac('sha512', 'key').update('data').digest(encoding),
                     bytes.toString(encoding));
}

// Odd encoding arguments: a truthy non-string is stringified, an unknown name gives a
// Buffer, and a throwing toString throws before the object is finalized.
for (const make of [() => crypto.createHash('sha256'), () => crypto.createHmac('sha256', 'k')]) {
  assert.strictEqual(make().update('abc').digest({ toString: () => 'hex' }),
                     make().update('abc').digest('hex'));
  assert.ok(Buffer.isBuffer(make().digest('no-such-encoding')));
  assert.ok(Buffer.isBuffer(make().digest(null)));
  const h = make();
  assert.throws(() => h.digest({ toString() { throw new Error('boom'); } }), /boom/);
  assert.strictEqual(typeof h.digest('hex'), 'string');
}
assert.strictEqual(crypto.hash('sha256', 'abc', 'buffer').toString('hex'), abcHex);
