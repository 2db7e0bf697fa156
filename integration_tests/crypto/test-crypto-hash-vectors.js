'use strict';
// Known-answer vectors (FIPS 180-4 / FIPS 202 / RFC 1321 examples) for every common digest,
// plus copy(), XOF lengths, crypto.hash() and the finalized-state error.
const assert = require('assert');
const crypto = require('crypto');

const abc = {
  md5: '900150983cd24fb0d6963f7d28e17f72',
  sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  sha224: '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
  sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  sha384: 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed' +
    '8086072ba1e7cc2358baeca134c825a7',
  sha512: 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
    '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  'sha512-256': '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23',
  'sha3-256': '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
  'sha3-512': 'b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e' +
    '10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0',
  ripemd160: '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
  blake2b512: 'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
    '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
  blake2s256: '508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982',
};
for (const [alg, hex] of Object.entries(abc)) {
  assert.strictEqual(crypto.createHash(alg).update('abc').digest('hex'), hex, alg);
  assert.strictEqual(crypto.hash(alg, 'abc'), hex, alg);
  // Fed in pieces, as a stream.
  const h = crypto.createHash(alg);
  h.update('a');
  h.update(Buffer.from('bc'));
  assert.strictEqual(h.digest().toString('hex'), hex, alg);
}
assert.strictEqual(crypto.createHash('sha256').digest('hex'),
                   'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

// SHAKE: FIPS 202 empty-message vectors at non-default lengths.
assert.strictEqual(crypto.createHash('shake128', { outputLength: 16 }).digest('hex'),
                   '7f9c2ba4e88f827d616045507605853e');
assert.strictEqual(crypto.createHash('shake256', { outputLength: 0 }).digest('hex'), '');
assert.strictEqual(crypto.createHash('shake256', { outputLength: 8 }).digest('hex'),
                   '46b9dd2b0ba88d13');

// copy() carries the state forward independently.
const base = crypto.createHash('sha256').update('ab');
const copy = base.copy();
assert.strictEqual(copy.update('c').digest('hex'), abc.sha256);
assert.strictEqual(base.update('c').digest('hex'), abc.sha256);

assert.throws(() => base.digest(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
assert.throws(() => base.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
assert.throws(() => base.copy(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
assert.throws(() => crypto.createHash('no-such-hash'), { message: 'Digest method not supported' });
assert.throws(() => crypto.createHash('sha256', { outputLength: 28 }),
              { code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH' });
assert.throws(() => crypto.createHash('sha256').update(42), { code: 'ERR_INVALID_ARG_TYPE' });

const hashes = crypto.getHashes();
for (const name of ['sha256', 'sha3-512', 'shake256', 'RSA-SHA256', 'md5']) {
  assert.ok(hashes.includes(name), name);
}
