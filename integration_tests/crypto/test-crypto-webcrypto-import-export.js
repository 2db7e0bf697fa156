'use strict';
// crypto.subtle importKey/exportKey: raw, jwk, spki and pkcs8 round trips, CryptoKey's
// surface, and hostile key data (bad JWK members, wrong key types) giving Node's errors.
const assert = require('assert');
const crypto = require('crypto');
const { subtle } = globalThis.crypto;

(async () => {
  assert.throws(() => new CryptoKey(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  assert.throws(() => new SubtleCrypto(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  const fake = Reflect.construct(function() {}, [], SubtleCrypto);
  await assert.rejects(fake.digest('SHA-256', new Uint8Array(1)), { code: 'ERR_INVALID_THIS' });
  assert.strictEqual(crypto.webcrypto, globalThis.crypto);
  assert.strictEqual(crypto.subtle, subtle);

  // Secret keys: raw and JWK agree; the JWK names the algorithm.
  const raw = Buffer.alloc(32, 7);
  const hmac = await subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-384' }, true,
                                      ['sign']);
  assert.ok(hmac instanceof CryptoKey);
  assert.strictEqual(Object.prototype.toString.call(hmac), '[object CryptoKey]');
  assert.strictEqual(hmac.type, 'secret');
  const jwk = await subtle.exportKey('jwk', hmac);
  assert.strictEqual(jwk.kty, 'oct');
  assert.strictEqual(jwk.alg, 'HS384');
  assert.strictEqual(jwk.k, raw.toString('base64url'));
  assert.deepStrictEqual(jwk.key_ops, ['sign']);
  const again = await subtle.importKey('jwk', jwk, { name: 'HMAC', hash: 'SHA-384' }, true,
                                       ['sign']);
  assert.deepStrictEqual(Buffer.from(await subtle.exportKey('raw', again)), raw);
  assert.strictEqual(crypto.KeyObject.from(again).symmetricKeySize, 32);

  // EC keys: spki/pkcs8/jwk/raw all describe the same key.
  const { publicKey, privateKey } = await subtle.generateKey(
    { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = await subtle.exportKey('spki', publicKey);
  const pkcs8 = await subtle.exportKey('pkcs8', privateKey);
  const pubRaw = await subtle.exportKey('raw', publicKey);
  assert.strictEqual(pubRaw.byteLength, 65);
  const pubJwk = await subtle.exportKey('jwk', publicKey);
  assert.strictEqual(pubJwk.crv, 'P-256');
  const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' };
  const fromSpki = await subtle.importKey('spki', spki, ecdsa, true, ['verify']);
  const fromRaw = await subtle.importKey('raw', pubRaw, ecdsa, true, ['verify']);
  assert.deepStrictEqual(await subtle.exportKey('jwk', fromSpki), pubJwk);
  assert.deepStrictEqual(await subtle.exportKey('jwk', fromRaw), pubJwk);
  const fromPkcs8 = await subtle.importKey('pkcs8', pkcs8, ecdsa, true, ['sign']);
  assert.deepStrictEqual(Buffer.from(await subtle.exportKey('pkcs8', fromPkcs8)),
                         Buffer.from(pkcs8));
  // The key object behind it is the same key node:crypto sees.
  assert.ok(crypto.KeyObject.from(fromSpki).equals(crypto.createPublicKey(
    { key: Buffer.from(spki), format: 'der', type: 'spki' })));

  // Hostile inputs.
  await assert.rejects(subtle.importKey('jwk', null, { name: 'HMAC', hash: 'SHA-256' }, false,
                                        ['sign']), { name: 'DataError' });
  await assert.rejects(subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' },
                                        ecdsa, true, ['verify']), { name: 'DataError' });
  await assert.rejects(subtle.importKey('jwk', { ...pubJwk, kty: 'RSA' }, ecdsa, true,
                                        ['verify']), { name: 'DataError' });
  await assert.rejects(subtle.importKey('raw', Buffer.alloc(65, 4), ecdsa, true, ['verify']),
                       { name: 'DataError' });
  await assert.rejects(subtle.importKey('spki', Buffer.from('not a key'), ecdsa, true,
                                        ['verify']), { name: 'DataError' });
  await assert.rejects(subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-384' },
                                        true, ['verify']), { name: 'DataError' });
  await assert.rejects(subtle.importKey('spki', spki, { name: 'RSA-PSS', hash: 'SHA-256' },
                                        true, ['verify']), { name: 'DataError' });
  await assert.rejects(subtle.importKey('pkcs8', pkcs8, ecdsa, true, ['verify']),
                       { name: 'SyntaxError' });
  await assert.rejects(subtle.importKey('pkcs8', pkcs8, ecdsa, true, []),
                       { name: 'SyntaxError' });
  await assert.rejects(subtle.importKey('bogus', raw, 'HMAC', true, ['sign']),
                       { code: 'ERR_INVALID_ARG_VALUE' });
  await assert.rejects(subtle.importKey('raw', 1, 'AES-GCM', true, ['encrypt']),
                       { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(subtle.exportKey('spki', privateKey), { name: 'InvalidAccessError' });
})().then(() => console.log('ok'));
