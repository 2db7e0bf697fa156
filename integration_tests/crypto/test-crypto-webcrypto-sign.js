'use strict';
// crypto.subtle sign/verify: HMAC (RFC 4231) and Ed25519 (RFC 8032) known answers, ECDSA and
// RSA-PSS round trips, and the rejections for tampered data and unusable keys.
const assert = require('assert');
const { subtle } = globalThis.crypto;

const hex = (b) => Buffer.from(b).toString('hex');
const bytes = (h) => Buffer.from(h, 'hex');
const b64url = (h) => bytes(h).toString('base64url');

(async () => {
  // HMAC-SHA-256, RFC 4231 test case 2.
  const hmac = await subtle.importKey('raw', Buffer.from('Jefe'), { name: 'HMAC', hash: 'SHA-256' },
                                      false, ['sign', 'verify']);
  const data = Buffer.from('what do ya want for nothing?');
  const mac = await subtle.sign('HMAC', hmac, data);
  assert.strictEqual(hex(mac),
                     '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert.strictEqual(await subtle.verify('HMAC', hmac, mac, data), true);
  assert.strictEqual(await subtle.verify('HMAC', hmac, mac.slice(1), data), false);
  assert.strictEqual(hmac.algorithm.length, 32);
  assert.strictEqual(hmac.algorithm.hash.name, 'SHA-256');

  // Ed25519, RFC 8032 section 7.1 test 1 (empty message).
  const d = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
  const x = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
  const edPrivate = await subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', d: b64url(d),
                                                    x: b64url(x) },
                                           { name: 'Ed25519' }, true, ['sign']);
  const edPublic = await subtle.importKey('raw', bytes(x), { name: 'Ed25519' }, true,
                                          ['verify']);
  const edSig = await subtle.sign('Ed25519', edPrivate, new Uint8Array(0));
  assert.strictEqual(hex(edSig),
                     'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590' +
                     'a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
  assert.strictEqual(await subtle.verify('Ed25519', edPublic, edSig, new Uint8Array(0)), true);
  assert.strictEqual(await subtle.verify('Ed25519', edPublic, edSig, new Uint8Array(1)), false);
  assert.strictEqual(hex(await subtle.exportKey('raw', edPublic)), x);

  // ECDSA P-256: IEEE P1363 signatures of 64 bytes that verify only for the signed data.
  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true,
                                      ['sign', 'verify']);
  assert.deepStrictEqual(ec.publicKey.usages, ['verify']);
  assert.deepStrictEqual(ec.privateKey.usages, ['sign']);
  const ecdsa = { name: 'ECDSA', hash: 'SHA-256' };
  const ecSig = await subtle.sign(ecdsa, ec.privateKey, data);
  assert.strictEqual(ecSig.byteLength, 64);
  assert.strictEqual(await subtle.verify(ecdsa, ec.publicKey, ecSig, data), true);
  const flipped = Buffer.from(ecSig);
  flipped[5] ^= 0x10;
  assert.strictEqual(await subtle.verify(ecdsa, ec.publicKey, flipped, data), false);
  assert.strictEqual(await subtle.verify(ecdsa, ec.publicKey, ecSig.slice(3), data), false);

  // RSA-PSS with a generated key; the algorithm reports its parameters.
  const rsa = await subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024,
                                         publicExponent: new Uint8Array([1, 0, 1]),
                                         hash: 'SHA-256' }, false, ['sign', 'verify']);
  assert.strictEqual(rsa.publicKey.algorithm.modulusLength, 1024);
  assert.deepStrictEqual(rsa.publicKey.algorithm.publicExponent, new Uint8Array([1, 0, 1]));
  const pss = { name: 'RSA-PSS', saltLength: 32 };
  const rsaSig = await subtle.sign(pss, rsa.privateKey, data);
  assert.strictEqual(rsaSig.byteLength, 128);
  assert.strictEqual(await subtle.verify(pss, rsa.publicKey, rsaSig, data), true);
  assert.strictEqual(await subtle.verify(pss, rsa.publicKey, rsaSig, Buffer.from('x')), false);

  // Unusable keys: wrong usage, wrong algorithm, missing parameters.
  await assert.rejects(subtle.sign(pss, rsa.publicKey, data),
                       { name: 'InvalidAccessError', message: /Unable to use this key to sign/ });
  await assert.rejects(subtle.sign(ecdsa, hmac, data), { name: 'InvalidAccessError' });
  await assert.rejects(subtle.sign({ name: 'RSA-PSS' }, rsa.privateKey, data),
                       { code: 'ERR_MISSING_OPTION' });
  await assert.rejects(subtle.sign({ name: 'NOPE' }, hmac, data), { name: 'NotSupportedError' });
  await assert.rejects(subtle.exportKey('jwk', rsa.privateKey),
                       { message: /key is not extractable/ });
})().then(() => console.log('ok'));
