'use strict';
// Keys round-trip between PEM, DER and JWK for RSA, EC and Ed25519; signatures made with
// one form verify with the others; encrypted PKCS#8 needs its passphrase.
const assert = require('assert');
const crypto = require('crypto');

function roundTrip(type, options, pubTypes, privTypes) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  for (const t of pubTypes) {
    for (const format of ['pem', 'der']) {
      const data = publicKey.export({ format, type: t });
      const back = crypto.createPublicKey({ key: data, format, type: t });
      assert.ok(back.equals(publicKey), `${type} ${t} ${format}`);
    }
  }
  for (const t of privTypes) {
    for (const format of ['pem', 'der']) {
      const data = privateKey.export({ format, type: t });
      const back = crypto.createPrivateKey({ key: data, format, type: t });
      assert.ok(back.equals(privateKey), `${type} ${t} ${format}`);
    }
  }
  const jwkPub = crypto.createPublicKey({ key: publicKey.export({ format: 'jwk' }), format: 'jwk' });
  const jwkPriv = crypto.createPrivateKey({ key: privateKey.export({ format: 'jwk' }), format: 'jwk' });
  assert.ok(jwkPub.equals(publicKey));
  assert.ok(jwkPriv.equals(privateKey));
  // The public key derived from the private one is the same key.
  assert.ok(crypto.createPublicKey(privateKey.export({ format: 'pem', type: 'pkcs8' }))
    .equals(publicKey));
  return { publicKey, privateKey, jwkPub, jwkPriv };
}

const rsa = roundTrip('rsa', { modulusLength: 1024 }, ['spki', 'pkcs1'], ['pkcs8', 'pkcs1']);
assert.strictEqual(rsa.publicKey.asymmetricKeyType, 'rsa');
assert.deepStrictEqual(rsa.publicKey.asymmetricKeyDetails,
                       { modulusLength: 1024, publicExponent: 65537n });
const ec = roundTrip('ec', { namedCurve: 'P-256' }, ['spki'], ['pkcs8', 'sec1']);
assert.deepStrictEqual(ec.privateKey.asymmetricKeyDetails, { namedCurve: 'prime256v1' });
const ed = roundTrip('ed25519', {}, ['spki'], ['pkcs8']);
assert.strictEqual(ed.publicKey.asymmetricKeyType, 'ed25519');

const data = Buffer.from('message');
for (const [pair, alg] of [[rsa, 'sha256'], [ec, 'sha256'], [ed, null]]) {
  const sig = crypto.sign(alg, data, pair.jwkPriv);
  assert.ok(crypto.verify(alg, data, pair.publicKey, sig));
  assert.ok(!crypto.verify(alg, Buffer.from('other'), pair.publicKey, sig));
}

// Encrypted PKCS#8.
const pem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc',
                                    passphrase: 'top secret' });
assert.match(pem, /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
// Node reports OpenSSL's cancelled-prompt error here; skua says ERR_MISSING_PASSPHRASE.
assert.throws(() => crypto.createPrivateKey(pem),
              { code: /^ERR_(MISSING_PASSPHRASE|OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED)$/ });
assert.throws(() => crypto.createPrivateKey({ key: pem, passphrase: 'wrong' }));
assert.ok(crypto.createPrivateKey({ key: pem, passphrase: 'top secret' }).equals(rsa.privateKey));

// Secret keys.
const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
assert.strictEqual(secret.type, 'secret');
assert.strictEqual(secret.symmetricKeySize, 16);
assert.deepStrictEqual(secret.export({ format: 'jwk' }), { kty: 'oct', k: 'MDEyMzQ1Njc4OWFiY2RlZg' });
assert.ok(!secret.equals(crypto.createSecretKey(Buffer.from('0123456789abcdeF'))));

// Garbage never crashes.
assert.throws(() => crypto.createPrivateKey('garbage'), { code: /^ERR_OSSL_/ });
assert.throws(() => crypto.createPublicKey(Buffer.alloc(100)), { code: /^ERR_OSSL_/ });
assert.throws(() => crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' },
                                            format: 'jwk' }), { code: 'ERR_CRYPTO_INVALID_JWK' });
