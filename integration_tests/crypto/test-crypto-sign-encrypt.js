'use strict';
// RSA PKCS#1 v1.5 / PSS, ECDSA (DER and IEEE-P1363) and Ed25519 signatures through both
// APIs, async sign/verify and key generation on the thread pool, RSA-OAEP encryption, ECDH.
const assert = require('assert');
const crypto = require('crypto');

const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const data = Buffer.from('some data to sign');

const s = crypto.createSign('SHA256');
s.update('some data ');
s.update('to sign');
const sig = s.sign(privateKey);
assert.ok(crypto.createVerify('RSA-SHA256').update(data).verify(publicKey, sig));
assert.ok(crypto.verify('sha256', data, publicKey, sig));

const pss = { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
const pssSig = crypto.sign('sha256', data, pss);
assert.ok(crypto.verify('sha256', data, { key: publicKey, padding: pss.padding, saltLength: 32 },
                        pssSig));

const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
const p1363 = crypto.sign('sha384', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' });
assert.strictEqual(p1363.length, 96);
assert.ok(crypto.verify('sha384', data, { key: ec.publicKey, dsaEncoding: 'ieee-p1363' }, p1363));
assert.ok(!crypto.verify('sha384', data, { key: ec.publicKey, dsaEncoding: 'ieee-p1363' },
                         p1363.subarray(1)));

const enc = crypto.publicEncrypt({ key: publicKey, oaepHash: 'sha256' }, Buffer.from('hi'));
assert.strictEqual(crypto.privateDecrypt({ key: privateKey, oaepHash: 'sha256' }, enc).toString(),
                   'hi');
assert.throws(() => crypto.privateDecrypt({ key: privateKey, oaepHash: 'sha1' }, enc),
              { code: /^ERR_OSSL_/ });
const raw = crypto.privateEncrypt(privateKey, Buffer.from('abc'));
assert.strictEqual(crypto.publicDecrypt(publicKey, raw).toString(), 'abc');

// ECDH and X25519 agree on the secret.
const alice = crypto.createECDH('prime256v1');
const bob = crypto.createECDH('prime256v1');
alice.generateKeys();
bob.generateKeys();
assert.deepStrictEqual(alice.computeSecret(bob.getPublicKey()),
                       bob.computeSecret(alice.getPublicKey()));
assert.throws(() => alice.computeSecret(Buffer.from([4, 1, 2])),
              { code: 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY' });
const x1 = crypto.generateKeyPairSync('x25519');
const x2 = crypto.generateKeyPairSync('x25519');
assert.deepStrictEqual(
  crypto.diffieHellman({ privateKey: x1.privateKey, publicKey: x2.publicKey }),
  crypto.diffieHellman({ privateKey: x2.privateKey, publicKey: x1.publicKey }));

let pending = 2;
crypto.generateKeyPair('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' } },
                       (err, pub, priv) => {
                         assert.ifError(err);
                         assert.match(pub, /BEGIN PUBLIC KEY/);
                         crypto.sign(null, data, priv, (err2, edSig) => {
                           assert.ifError(err2);
                           crypto.verify(null, data, pub, edSig, (err3, ok) => {
                             assert.ifError(err3);
                             assert.strictEqual(ok, true);
                             pending--;
                           });
                         });
                       });
crypto.randomBytes(32, (err, buf) => {
  assert.ifError(err);
  assert.strictEqual(buf.length, 32);
  pending--;
});
assert.throws(() => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }),
              { code: 'ERR_CRYPTO_INVALID_CURVE' });
process.on('exit', () => assert.strictEqual(pending, 0));
