'use strict';
// crypto.subtle AES-GCM/CBC/CTR/KW against published vectors (NIST SP 800-38A/D, RFC 3394),
// and hostile inputs: wrong tag, truncated data, bad IV and tag lengths.
const assert = require('assert');
const { subtle } = globalThis.crypto;

const hex = (b) => Buffer.from(b).toString('hex');
const bytes = (h) => Buffer.from(h, 'hex');

async function key(name, raw, usages = ['encrypt', 'decrypt']) {
  return subtle.importKey('raw', bytes(raw), { name }, true, usages);
}

(async () => {
  // AES-GCM, NIST test case 2: zero key, zero IV, one zero block.
  const gcm = await key('AES-GCM', '00'.repeat(16));
  const iv = new Uint8Array(12);
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv }, gcm, new Uint8Array(16));
  assert.ok(sealed instanceof ArrayBuffer);
  assert.strictEqual(hex(sealed),
                     '0388dace60b6a392f328c2b971b2fe78' + 'ab6e47d42cec13bdf53a67b21257bddf');
  assert.strictEqual(hex(await subtle.decrypt({ name: 'AES-GCM', iv }, gcm, sealed)),
                     '00'.repeat(16));

  // A flipped tag bit, a truncated message and bad parameters reject with OperationError.
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 1] ^= 1;
  await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv }, gcm, tampered),
                       { name: 'OperationError' });
  await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv }, gcm, new Uint8Array(8)),
                       { name: 'OperationError', message: /The provided data is too small/ });
  await assert.rejects(subtle.encrypt({ name: 'AES-GCM', iv, tagLength: 40 }, gcm, iv),
                       { name: 'OperationError', message: /40 is not a valid AES-GCM tag length/ });
  // Additional data is authenticated.
  const withAad = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: bytes('01') },
                                       gcm, bytes('cafe'));
  await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv, additionalData: bytes('02') },
                                      gcm, withAad), { name: 'OperationError' });

  // AES-CBC, SP 800-38A F.2.1 (first block; WebCrypto appends a PKCS#7 padding block).
  const k128 = '2b7e151628aed2a6abf7158809cf4f3c';
  const cbc = await key('AES-CBC', k128);
  const cbcIv = bytes('000102030405060708090a0b0c0d0e0f');
  const plain = bytes('6bc1bee22e409f96e93d7e117393172a');
  const cbcOut = await subtle.encrypt({ name: 'AES-CBC', iv: cbcIv }, cbc, plain);
  assert.strictEqual(cbcOut.byteLength, 32);
  assert.strictEqual(hex(cbcOut).slice(0, 32), '7649abac8119b246cee98e9b12e9197d');
  await assert.rejects(subtle.encrypt({ name: 'AES-CBC', iv: new Uint8Array(8) }, cbc, plain),
                       { name: 'OperationError',
                         message: /algorithm\.iv must contain exactly 16 bytes/ });
  await assert.rejects(subtle.decrypt({ name: 'AES-CBC', iv: cbcIv }, cbc, new Uint8Array(15)),
                       { name: 'OperationError' });

  // AES-CTR, SP 800-38A F.5.1.
  const ctr = await key('AES-CTR', k128);
  const counter = bytes('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff');
  const ctrOut = await subtle.encrypt({ name: 'AES-CTR', counter, length: 128 }, ctr, plain);
  assert.strictEqual(hex(ctrOut), '874d6191b620e3261bef6864990db6ce');
  // With a 64-bit counter field the low half wraps to zero and the high half stays.
  const crypto = require('crypto');
  const twoBlocks = new Uint8Array(32);
  const lowAllOnes = bytes('f0f1f2f3f4f5f6f7ffffffffffffffff');
  const wrapped = await subtle.encrypt({ name: 'AES-CTR', counter: lowAllOnes, length: 64 }, ctr,
                                       twoBlocks);
  const second = crypto.createCipheriv('aes-128-ctr', bytes(k128),
                                       bytes('f0f1f2f3f4f5f6f70000000000000000'))
    .update(new Uint8Array(16));
  assert.strictEqual(hex(wrapped).slice(32), hex(second));

  // AES-KW, RFC 3394 4.1, through wrapKey/unwrapKey.
  const kek = await key('AES-KW', '000102030405060708090a0b0c0d0e0f', ['wrapKey', 'unwrapKey']);
  const inner = await key('AES-CBC', '00112233445566778899aabbccddeeff');
  const wrappedKey = await subtle.wrapKey('raw', inner, kek, 'AES-KW');
  assert.strictEqual(hex(wrappedKey), '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5');
  const unwrapped = await subtle.unwrapKey('raw', wrappedKey, kek, 'AES-KW', 'AES-CBC', true,
                                           ['encrypt']);
  assert.strictEqual(hex(await subtle.exportKey('raw', unwrapped)),
                     '00112233445566778899aabbccddeeff');
  const badWrap = Buffer.from(wrappedKey);
  badWrap[0] ^= 1;
  await assert.rejects(subtle.unwrapKey('raw', badWrap, kek, 'AES-KW', 'AES-CBC', true,
                                        ['encrypt']), { name: 'OperationError' });

  // A key without the usage, or of another algorithm, is refused.
  const encryptOnly = await key('AES-GCM', '00'.repeat(16), ['encrypt']);
  await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv }, encryptOnly, sealed),
                       { name: 'InvalidAccessError' });
  await assert.rejects(subtle.encrypt({ name: 'AES-GCM', iv }, cbc, plain),
                       { name: 'InvalidAccessError' });
  await assert.rejects(key('AES-GCM', '00'.repeat(15)), { name: 'DataError' });
})().then(() => console.log('ok'));
