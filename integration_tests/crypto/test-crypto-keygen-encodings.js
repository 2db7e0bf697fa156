'use strict';
// generateKeyPair encodings and key details: RSA-PSS parameters as Node names them, empty
// passphrases, encrypted PEM without a passphrase, and invalid encodings rejected up front.
const assert = require('assert');
const crypto = require('crypto');

const pss = crypto.generateKeyPairSync('rsa-pss', {
  modulusLength: 1024, hashAlgorithm: 'sha256', saltLength: 16,
});
assert.deepStrictEqual(pss.publicKey.asymmetricKeyDetails, {
  modulusLength: 1024, publicExponent: 65537n, hashAlgorithm: 'sha256',
  mgf1HashAlgorithm: 'sha256', saltLength: 16,
});
// The key enforces its digest: signing with another one fails, with sha256 it works.
assert.throws(() => crypto.createSign('sha1').update('x').sign(pss.privateKey),
              { message: /digest not allowed/ });
const sig = crypto.createSign('sha256').update('x').sign(pss.privateKey);
assert.strictEqual(crypto.createVerify('sha256').update('x').verify(pss.publicKey, sig), true);

// An empty passphrase is a passphrase: it encrypts, and it is needed to read the key back.
for (const type of ['pkcs1', 'pkcs8']) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type, format: 'pem', cipher: 'aes-128-cbc', passphrase: '' },
  });
  assert.match(privateKey, /ENCRYPTED/);
  assert.strictEqual(crypto.createPrivateKey({ key: privateKey, passphrase: '' })
    .asymmetricKeyType, 'rsa');
  assert.throws(() => crypto.createPrivateKey(privateKey), { message: /interrupted or cancelled/ });
}

// Encodings are checked before any key is made.
const bad = [
  [{ publicKeyEncoding: 0 }, "The property 'options.publicKeyEncoding' is invalid. Received 0"],
  [{ publicKeyEncoding: { type: 'pkcs8', format: 'pem' } },
   "The property 'options.publicKeyEncoding.type' is invalid. Received 'pkcs8'"],
  [{ privateKeyEncoding: { type: 'pkcs8', format: 'txt' } },
   "The property 'options.privateKeyEncoding.format' is invalid. Received 'txt'"],
];
for (const [encoding, message] of bad) {
  assert.throws(() => crypto.generateKeyPairSync('rsa', { modulusLength: 512, ...encoding }),
                { code: 'ERR_INVALID_ARG_VALUE', message });
}
assert.throws(() => crypto.generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'sec1', format: 'der', cipher: 'aes-128-cbc', passphrase: 'x' },
}), { code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS' });
assert.throws(() => crypto.generateKeyPairSync('dh', { group: 'modp0' }),
              { code: 'ERR_CRYPTO_UNKNOWN_DH_GROUP' });

// DH keys from a named group agree, with secrets as long as the prime.
const a = crypto.generateKeyPairSync('dh', { group: 'modp5' });
const b = crypto.generateKeyPairSync('dh', { group: 'modp5' });
const s1 = crypto.diffieHellman({ privateKey: a.privateKey, publicKey: b.publicKey });
assert.strictEqual(s1.length, 192);
assert.deepStrictEqual(s1, crypto.diffieHellman({ privateKey: b.privateKey,
                                                  publicKey: a.publicKey }));
console.log('ok');
