'use strict';
// Random APIs and the global Web Crypto object: shapes, ranges and Node's errors.
const assert = require('assert');
const crypto = require('crypto');

assert.strictEqual(crypto.randomBytes(0).length, 0);
assert.throws(() => crypto.randomBytes(-1), { code: 'ERR_OUT_OF_RANGE' });
const buf = Buffer.alloc(10);
crypto.randomFillSync(buf, 5, 5);
assert.ok(buf.subarray(0, 5).equals(Buffer.alloc(5)));
assert.throws(() => crypto.randomFillSync(buf, 11), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.randomFillSync('str'), { code: 'ERR_INVALID_ARG_TYPE' });
for (let i = 0; i < 100; i++) {
  const n = crypto.randomInt(-5, 5);
  assert.ok(n >= -5 && n < 5);
}
assert.throws(() => crypto.randomInt(5, 5), { code: 'ERR_OUT_OF_RANGE' });
assert.match(crypto.randomUUID(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
assert.ok(crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')));
assert.ok(!crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
assert.throws(() => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')),
              { code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH' });

assert.ok(Object.keys(globalThis).includes('crypto'));
assert.strictEqual(globalThis.crypto, crypto.webcrypto);
assert.strictEqual(globalThis.crypto.getRandomValues(new Uint32Array(4)).length, 4);
assert.throws(() => globalThis.crypto.getRandomValues(new Float64Array(1)),
              { name: 'TypeMismatchError' });
assert.throws(() => globalThis.crypto.getRandomValues(new Uint8Array(65537)),
              { name: 'QuotaExceededError' });
assert.strictEqual(typeof crypto.constants.OPENSSL_VERSION_NUMBER, 'number');
assert.strictEqual(typeof process.versions.openssl, 'string');

let called = false;
crypto.subtle.digest('SHA-256', Buffer.from('abc')).then((ab) => {
  assert.strictEqual(Buffer.from(ab).toString('hex'),
                     'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  called = true;
});
process.on('exit', () => assert.ok(called));
