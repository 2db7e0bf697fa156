'use strict';
// Classic finite-field Diffie-Hellman: MODP groups and explicit primes agree on a secret
// padded to the prime's size; bad peer keys and unknown groups give Node's errors.
const assert = require('assert');
const crypto = require('crypto');

// Both parties of a MODP group reach the same secret, as long as the prime.
const alice = crypto.getDiffieHellman('modp2');
const bob = crypto.createDiffieHellmanGroup('modp2');
assert.ok(bob instanceof crypto.DiffieHellmanGroup);
alice.generateKeys();
bob.generateKeys();
const secret = alice.computeSecret(bob.getPublicKey());
assert.strictEqual(secret.length, 128);
assert.deepStrictEqual(secret, bob.computeSecret(alice.getPublicKey()));
assert.strictEqual(alice.getGenerator('hex'), '02');
assert.strictEqual(typeof bob.setPublicKey, 'undefined');

// An explicit prime (the group's) with a buffer, string or number generator.
const carol = crypto.createDiffieHellman(alice.getPrime(), Buffer.from([2]));
assert.ok(carol instanceof crypto.DiffieHellman);
const carolKey = carol.generateKeys('hex');
assert.strictEqual(carol.getPublicKey('hex'), carolKey);
assert.deepStrictEqual(alice.computeSecret(carolKey, 'hex'),
                       carol.computeSecret(alice.getPublicKey()));
const dave = crypto.createDiffieHellman(alice.getPrime('hex'), 'hex', 2);
assert.strictEqual(dave.getPrime('hex'), alice.getPrime('hex'));

// Private key 1 gives public key g (= 2), and a fixed key pair gives a known secret.
const eve = crypto.createDiffieHellman(alice.getPrime(), 2);
eve.setPrivateKey(Buffer.from([1]));
assert.strictEqual(eve.generateKeys('hex'), '02');
assert.strictEqual(eve.getPrivateKey('hex'), '01');
const frank = crypto.createDiffieHellman(alice.getPrime(), 2);
frank.setPrivateKey(Buffer.from([3]));
frank.generateKeys();
// 2^3 mod p = 8, zero-padded to 128 bytes.
assert.strictEqual(eve.computeSecret(frank.getPublicKey()).toString('hex'),
                   '00'.repeat(127) + '08');

// Hostile peers and misuse.
assert.throws(() => alice.computeSecret(Buffer.from([1])),
              { name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN',
                message: 'Supplied key is too small' });
assert.throws(() => alice.computeSecret(alice.getPrime()),
              { name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN',
                message: 'Supplied key is too large' });
assert.throws(() => crypto.getDiffieHellman('modp3'),
              { code: 'ERR_CRYPTO_UNKNOWN_DH_GROUP', message: 'Unknown DH group' });
assert.throws(() => crypto.createDiffieHellman(alice.getPrime(), 'hex', 1.5),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.createDiffieHellman({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.createDiffieHellman(alice.getPrime()).getPublicKey(),
              { code: 'ERR_CRYPTO_INVALID_STATE' });
console.log('ok');
