'use strict';
// Hostile inputs to ciphers give Node's errors, never a crash: wrong key/IV/tag lengths,
// tampered or truncated ciphertext, missing tags, calls in the wrong state.
const assert = require('assert');
const crypto = require('crypto');

const key = Buffer.alloc(16, 1);
const iv = Buffer.alloc(16, 2);
const nonce = Buffer.alloc(12, 3);

assert.throws(() => crypto.createCipheriv('bogus-cipher', key, iv),
              { code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher' });
assert.throws(() => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv),
              { code: 'ERR_CRYPTO_INVALID_KEYLEN', name: 'RangeError' });
assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, Buffer.alloc(8)),
              { code: 'ERR_CRYPTO_INVALID_IV', name: 'TypeError' });
assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, null),
              { code: 'ERR_CRYPTO_INVALID_IV' });
assert.throws(() => crypto.createCipheriv('aes-128-gcm', key, nonce, { authTagLength: 3 }),
              { code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
                message: 'Invalid authentication tag length: 3' });
assert.throws(() => crypto.createCipheriv('aes-128-ccm', key, nonce),
              { code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
                message: 'authTagLength required for aes-128-ccm' });

// CBC: wrong padding and truncated ciphertext carry OpenSSL's reason.
{
  const d = crypto.createDecipheriv('aes-128-cbc', key, iv);
  d.update(Buffer.alloc(16));
  assert.throws(() => d.final(), {
    code: 'ERR_OSSL_BAD_DECRYPT', reason: 'bad decrypt', library: 'Provider routines',
    message: /bad decrypt/,
  });
  const t = crypto.createDecipheriv('aes-128-cbc', key, iv);
  t.update(Buffer.alloc(15));
  assert.throws(() => t.final(), { code: 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH' });
}

// GCM: tampered ciphertext, wrong tag, missing tag, short tag.
{
  const c = crypto.createCipheriv('aes-128-gcm', key, nonce);
  const ct = Buffer.concat([c.update('attack at dawn'), c.final()]);
  const tag = c.getAuthTag();
  const authFail = { message: 'Unsupported state or unable to authenticate data' };

  const bad = Buffer.from(ct);
  bad[0] ^= 1;
  const d1 = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  d1.setAuthTag(tag);
  d1.update(bad);
  assert.throws(() => d1.final(), authFail);

  const d2 = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  d2.setAuthTag(Buffer.alloc(16));
  d2.update(ct);
  assert.throws(() => d2.final(), authFail);

  const d3 = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  d3.update(ct);
  assert.throws(() => d3.final(), authFail);

  const d4 = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  assert.throws(() => d4.setAuthTag(Buffer.alloc(3)), { code: 'ERR_CRYPTO_INVALID_AUTH_TAG' });
  d4.setAuthTag(tag);
  assert.throws(() => d4.setAuthTag(tag), { code: 'ERR_CRYPTO_INVALID_STATE' });

  const d5 = crypto.createDecipheriv('aes-128-gcm', key, nonce);
  d5.setAuthTag(tag);
  d5.update(ct.subarray(0, 5));
  assert.throws(() => d5.final(), authFail);
}

// CCM with a wrong tag fails at final(), as Node reports it.
{
  const opts = { authTagLength: 16 };
  const c = crypto.createCipheriv('aes-128-ccm', key, nonce, opts);
  const ct = Buffer.concat([c.update('hello'), c.final()]);
  const d = crypto.createDecipheriv('aes-128-ccm', key, nonce, opts);
  d.setAuthTag(Buffer.alloc(16));
  d.update(ct);
  assert.throws(() => d.final(), { message: 'Unsupported state or unable to authenticate data' });
}

// Wrong state.
{
  const c = crypto.createCipheriv('aes-128-cbc', key, iv);
  c.final();
  assert.throws(() => c.update('x'), { message: 'Trying to add data in unsupported state' });
  assert.throws(() => c.final(), { code: 'ERR_CRYPTO_INVALID_STATE' });
  assert.throws(() => c.setAutoPadding(false), { code: 'ERR_CRYPTO_INVALID_STATE' });
  const g = crypto.createCipheriv('aes-128-gcm', key, nonce);
  assert.throws(() => g.getAuthTag(), { code: 'ERR_CRYPTO_INVALID_STATE' });
  assert.throws(() => crypto.createCipheriv('aes-128-cbc', key, iv).update(42),
                { code: 'ERR_INVALID_ARG_TYPE' });
}
