'use strict';
// Known-answer vectors: AES-128 ECB/CBC/CTR (NIST SP 800-38A F.1.1, F.2.1, F.5.1), AES-GCM
// (McGrew-Viega test case 4), AES-CCM (RFC 3610 packet 1), ChaCha20-Poly1305 (RFC 8439
// 2.8.2), and an OCB round trip; each in both directions.
const assert = require('assert');
const crypto = require('crypto');

const H = (s) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const run = (c, data) => Buffer.concat([c.update(data), c.final()]);

const key128 = H('2b7e151628aed2a6abf7158809cf4f3c');
const pt = H('6bc1bee22e409f96e93d7e117393172a');
const ecb = H('3ad77bb40d7a3660a89ecaf32466ef97');
const ciphers = [
  ['aes-128-ecb', null, ecb],
  ['aes-128-cbc', H('000102030405060708090a0b0c0d0e0f'), H('7649abac8119b246cee98e9b12e9197d')],
  ['aes-128-ctr', H('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), H('874d6191b620e3261bef6864990db6ce')],
];
for (const [name, iv, ct] of ciphers) {
  const c = crypto.createCipheriv(name, key128, iv);
  c.setAutoPadding(false);
  assert.deepStrictEqual(run(c, pt), ct, name);
  const d = crypto.createDecipheriv(name, key128, iv);
  d.setAutoPadding(false);
  assert.deepStrictEqual(run(d, ct), pt, name);
}

// GCM test case 4 (60-byte plaintext, 20-byte AAD).
{
  const key = H('feffe9928665731c6d6a8f9467308308');
  const iv = H('cafebabefacedbaddecaf888');
  const aad = H('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const plain = H(`d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72
    1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39`);
  const expected = H(`42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e
    21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091`);
  const c = crypto.createCipheriv('aes-128-gcm', key, iv);
  c.setAAD(aad);
  assert.deepStrictEqual(run(c, plain), expected);
  assert.deepStrictEqual(c.getAuthTag(), H('5bc94fbc3221a5db94fae95ae7121a47'));
  const d = crypto.createDecipheriv('aes-128-gcm', key, iv);
  d.setAAD(aad);
  d.setAuthTag(H('5bc94fbc3221a5db94fae95ae7121a47'));
  assert.deepStrictEqual(run(d, expected), plain);
}

// CCM, RFC 3610 packet vector #1 (8-byte tag, 13-byte nonce).
{
  const key = H('c0c1c2c3c4c5c6c7c8c9cacbcccdcecf');
  const nonce = H('00000003020100a0a1a2a3a4a5');
  const aad = H('0001020304050607');
  const plain = H('08090a0b0c0d0e0f101112131415161718191a1b1c1d1e');
  const c = crypto.createCipheriv('aes-128-ccm', key, nonce, { authTagLength: 8 });
  c.setAAD(aad, { plaintextLength: plain.length });
  const ct = run(c, plain);
  assert.deepStrictEqual(ct, H('588c979a61c663d2f066d0c2c0f989806d5f6b61dac384'));
  assert.deepStrictEqual(c.getAuthTag(), H('17e8d12cfdf926e0'));
  const d = crypto.createDecipheriv('aes-128-ccm', key, nonce, { authTagLength: 8 });
  d.setAuthTag(H('17e8d12cfdf926e0'));
  d.setAAD(aad, { plaintextLength: ct.length });
  assert.deepStrictEqual(run(d, ct), plain);
}

// ChaCha20-Poly1305, RFC 8439 section 2.8.2.
{
  const key = H('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = H('070000004041424344454647');
  const aad = H('50515253c0c1c2c3c4c5c6c7');
  const plain = Buffer.from('Ladies and Gentlemen of the class of \'99: If I could offer ' +
    'you only one tip for the future, sunscreen would be it.');
  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  c.setAAD(aad);
  const ct = run(c, plain);
  assert.strictEqual(ct.subarray(0, 16).toString('hex'), 'd31a8d34648e60db7b86afbc53ef7ec2');
  assert.deepStrictEqual(c.getAuthTag(), H('1ae10b594f09e26a7e902ecbd0600691'));
  const d = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  d.setAAD(aad);
  d.setAuthTag(H('1ae10b594f09e26a7e902ecbd0600691'));
  assert.deepStrictEqual(run(d, ct), plain);
}

// OCB round trip with AAD and a 12-byte tag.
{
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-ocb', key, iv, { authTagLength: 12 });
  c.setAAD(Buffer.from('header'));
  const ct = run(c, 'secret message');
  const tag = c.getAuthTag();
  assert.strictEqual(tag.length, 12);
  const d = crypto.createDecipheriv('aes-256-ocb', key, iv, { authTagLength: 12 });
  d.setAAD(Buffer.from('header'));
  d.setAuthTag(tag);
  assert.strictEqual(run(d, ct).toString(), 'secret message');
}

// CBC with PKCS#7 padding, string encodings in and out.
{
  const key = Buffer.alloc(32, 7);
  const iv = Buffer.alloc(16, 9);
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  const b64 = c.update('hello, world', 'utf8', 'base64') + c.final('base64');
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  assert.strictEqual(d.update(b64, 'base64', 'utf8') + d.final('utf8'), 'hello, world');
}

const info = crypto.getCipherInfo('aes-128-gcm');
assert.strictEqual(info.mode, 'gcm');
assert.strictEqual(info.keyLength, 16);
assert.strictEqual(info.ivLength, 12);
assert.ok(crypto.getCiphers().includes('aes-256-gcm'));
