'use strict';
// createCipher/createDecipher (DEP0106): the key and IV come from the password through
// EVP_BytesToKey (MD5, one round, no salt); one deprecation warning for both functions.
const assert = require('assert');
const crypto = require('crypto');

const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name}:${w.code ?? ''}:${w.message}`));

// EVP_BytesToKey by hand: D1 = MD5(password), D2 = MD5(D1 || password), ...
function bytesToKey(password, keyLen, ivLen) {
  let prev = Buffer.alloc(0);
  let all = Buffer.alloc(0);
  while (all.length < keyLen + ivLen) {
    prev = crypto.createHash('md5').update(prev).update(password).digest();
    all = Buffer.concat([all, prev]);
  }
  return { key: all.subarray(0, keyLen), iv: all.subarray(keyLen, keyLen + ivLen) };
}

const plain = 'The quick brown fox jumps over the lazy dog';
const { key, iv } = bytesToKey(Buffer.from('secret'), 24, 16);
const viaIv = crypto.createCipheriv('aes-192-cbc', key, iv);
const reference = viaIv.update(plain, 'utf8', 'hex') + viaIv.final('hex');

const cipher = crypto.createCipher('aes192', 'secret');
assert.ok(cipher instanceof crypto.Cipher);
const encrypted = cipher.update(plain, 'utf8', 'hex') + cipher.final('hex');
assert.strictEqual(encrypted, reference);

const decipher = crypto.createDecipher('aes192', Buffer.from('secret'));
assert.ok(decipher instanceof crypto.Decipher);
assert.strictEqual(decipher.update(encrypted, 'hex', 'utf8') + decipher.final('utf8'), plain);

// A wrong password fails at final with OpenSSL's reason, not a crash.
const wrong = crypto.createDecipher('aes192', 'not the secret');
wrong.update(encrypted, 'hex');
assert.throws(() => wrong.final(), { message: /bad decrypt/ });
assert.throws(() => crypto.createCipher(null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.createCipher('aes192', null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.createCipher('no-such-cipher', 'x'),
              { code: 'ERR_CRYPTO_UNKNOWN_CIPHER' });

setImmediate(() => {
  assert.deepStrictEqual(warnings,
                         ['DeprecationWarning:DEP0106:crypto.createCipher is deprecated.']);
  console.log('ok');
});
