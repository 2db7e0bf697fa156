'use strict';
// PBKDF2 (RFC 6070), scrypt (RFC 7914) and HKDF (RFC 5869) vectors, sync and async
// (thread pool), and Node's argument errors.
const assert = require('assert');
const crypto = require('crypto');

const hex = (b) => Buffer.from(b).toString('hex');

assert.strictEqual(hex(crypto.pbkdf2Sync('password', 'salt', 1, 20, 'sha1')),
                   '0c60c80f961f0e71f3a9b524af6012062fe037a6');
assert.strictEqual(hex(crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1')),
                   '4b007901b765489abead49d926f721d065a429c1');
assert.strictEqual(hex(crypto.pbkdf2Sync('pass\0word', 'sa\0lt', 4096, 16, 'sha1')),
                   '56fa6aa75548099dcc37d7f03425e0c3');

assert.strictEqual(hex(crypto.scryptSync('', '', 64, { N: 16, r: 1, p: 1 })),
                   '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
                   'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906');
assert.strictEqual(hex(crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 })),
                   'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
                   '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640');

// RFC 5869 test case 1.
const ikm = Buffer.alloc(22, 0x0b);
const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
const okm = '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf' +
  '34007208d5b887185865';
const derived = crypto.hkdfSync('sha256', ikm, salt, info, 42);
assert.ok(derived instanceof ArrayBuffer);
assert.strictEqual(hex(derived), okm);

assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 32, 'nope'),
              { code: 'ERR_CRYPTO_INVALID_DIGEST' });
assert.throws(() => crypto.pbkdf2Sync('p', 's', 0, 32, 'sha1'), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 3 }),
              { code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS' });
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }),
              { code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER' });
assert.throws(() => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1),
              { code: 'ERR_CRYPTO_INVALID_KEYLEN' });
assert.throws(() => crypto.hkdfSync('nope', 'k', 's', 'i', 16),
              { code: 'ERR_CRYPTO_INVALID_DIGEST' });

let pending = 3;
const done = () => { pending--; };
crypto.pbkdf2('password', 'salt', 4096, 20, 'sha1', (err, key) => {
  assert.ifError(err);
  assert.strictEqual(key.toString('hex'), '4b007901b765489abead49d926f721d065a429c1');
  done();
});
crypto.scrypt('', '', 64, { N: 16, r: 1, p: 1 }, (err, key) => {
  assert.ifError(err);
  assert.strictEqual(key.toString('hex').slice(0, 16), '77d6576238657b20');
  done();
});
crypto.hkdf('sha256', ikm, salt, info, 42, (err, key) => {
  assert.ifError(err);
  assert.strictEqual(hex(key), okm);
  done();
});
process.on('exit', () => assert.strictEqual(pending, 0));
