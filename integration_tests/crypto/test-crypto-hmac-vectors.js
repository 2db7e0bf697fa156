'use strict';
// RFC 4231 HMAC-SHA2 test cases 1, 2 and 6, RFC 2202 HMAC-MD5/SHA1 case 2, and errors.
const assert = require('assert');
const crypto = require('crypto');

const cases = [
  { key: Buffer.alloc(20, 0x0b), data: 'Hi There',
    sha224: '896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22',
    sha256: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    sha384: 'afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c' +
      'faea9ea9076ede7f4af152e8b2fa9cb6',
    sha512: '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
      'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854' },
  { key: 'Jefe', data: 'what do ya want for nothing?',
    md5: '750c783e6ab0b503eaa86e310a5db738',
    sha1: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
    sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843' },
  { key: Buffer.alloc(131, 0xaa), data: 'Test Using Larger Than Block-Size Key - Hash Key First',
    sha256: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54' },
];
for (const { key, data, ...digests } of cases) {
  for (const [alg, hex] of Object.entries(digests)) {
    assert.strictEqual(crypto.createHmac(alg, key).update(data).digest('hex'), hex, alg);
    const secret = crypto.createSecretKey(typeof key === 'string' ? Buffer.from(key) : key);
    assert.strictEqual(crypto.createHmac(alg, secret).update(data).digest('hex'), hex, alg);
  }
}

// An empty key is allowed.
assert.strictEqual(crypto.createHmac('sha256', '').digest('hex'),
                   'b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad');

// A second digest() gives an empty result; update() after digest throws.
const h = crypto.createHmac('sha1', 'k');
h.digest();
assert.strictEqual(h.digest('hex'), '');
assert.throws(() => h.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });

assert.throws(() => crypto.createHmac('nope', 'k'),
              { code: 'ERR_CRYPTO_INVALID_DIGEST', name: 'TypeError', message: 'Invalid digest: nope' });
assert.throws(() => crypto.createHmac('sha256', 42), { code: 'ERR_INVALID_ARG_TYPE' });
