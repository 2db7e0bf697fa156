'use strict';
// crypto.subtle deriveBits/deriveKey: PBKDF2 (RFC 6070), HKDF (RFC 5869), X25519 (RFC 7748)
// known answers, ECDH agreement, and the errors for mismatched keys.
const assert = require('assert');
const { subtle } = globalThis.crypto;

const hex = (b) => Buffer.from(b).toString('hex');
const bytes = (h) => Buffer.from(h, 'hex');
const b64url = (h) => bytes(h).toString('base64url');

(async () => {
  // PBKDF2-HMAC-SHA-1, RFC 6070 case 2 (two iterations).
  const password = await subtle.importKey('raw', Buffer.from('password'), 'PBKDF2', false,
                                          ['deriveBits', 'deriveKey']);
  assert.strictEqual(password.extractable, false);
  const pbkdf2 = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1',
                                           salt: Buffer.from('salt'), iterations: 2 },
                                         password, 160);
  assert.strictEqual(hex(pbkdf2), 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957');
  await assert.rejects(subtle.importKey('raw', Buffer.from('pw'), 'PBKDF2', true, ['deriveBits']),
                       { name: 'SyntaxError' });

  // HKDF-SHA-256, RFC 5869 test case 1 (42 bytes).
  const ikm = await subtle.importKey('raw', bytes('0b'.repeat(22)), 'HKDF', false,
                                     ['deriveBits']);
  const okm = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256',
                                        salt: bytes('000102030405060708090a0b0c'),
                                        info: bytes('f0f1f2f3f4f5f6f7f8f9') }, ikm, 42 * 8);
  assert.strictEqual(hex(okm), '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf' +
                               '34007208d5b887185865');

  // X25519, RFC 7748 section 6.1.
  const alice = await subtle.importKey('jwk', {
    kty: 'OKP', crv: 'X25519',
    d: b64url('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'),
    x: b64url('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'),
  }, { name: 'X25519' }, false, ['deriveBits', 'deriveKey']);
  const bob = await subtle.importKey(
    'raw', bytes('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f'),
    { name: 'X25519' }, true, []);
  const shared = await subtle.deriveBits({ name: 'X25519', public: bob }, alice, 256);
  assert.strictEqual(hex(shared),
                     '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
  // deriveKey truncates the secret to the derived key's length.
  const aes = await subtle.deriveKey({ name: 'X25519', public: bob }, alice,
                                     { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  assert.strictEqual(hex(await subtle.exportKey('raw', aes)), hex(shared).slice(0, 32));

  // ECDH P-384 agreement between two generated pairs.
  const params = { name: 'ECDH', namedCurve: 'P-384' };
  const a = await subtle.generateKey(params, false, ['deriveBits']);
  const b = await subtle.generateKey(params, false, ['deriveBits']);
  const ab = await subtle.deriveBits({ name: 'ECDH', public: b.publicKey }, a.privateKey, 384);
  const ba = await subtle.deriveBits({ name: 'ECDH', public: a.publicKey }, b.privateKey, 384);
  assert.strictEqual(ab.byteLength, 48);
  assert.strictEqual(hex(ab), hex(ba));

  // Mismatched or unusable keys.
  const other = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false,
                                         ['deriveBits']);
  await assert.rejects(subtle.deriveBits({ name: 'ECDH', public: other.publicKey },
                                         a.privateKey, 256),
                       { name: 'InvalidAccessError', message: /Named curve mismatch/ });
  await assert.rejects(subtle.deriveBits({ name: 'ECDH', public: bob }, a.privateKey, 256),
                       { name: 'InvalidAccessError' });
  await assert.rejects(subtle.deriveBits({ name: 'ECDH', public: {} }, a.privateKey, 256),
                       { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0),
                                          info: Buffer.alloc(0) }, ikm,
                                        { name: 'AES-GCM', length: 128 }, false, ['encrypt']),
                       { name: 'InvalidAccessError', message: /deriveKey usage/ });
})().then(() => console.log('ok'));
