'use strict';
// A Hash of an algorithm already used behaves as a fresh one whatever follows its first
// string update: more updates of any kind, copy(), stream use, digest twice, no update at
// all; and an unusable digest name still throws from createHash(), however often tried.
const assert = require('assert');
const crypto = require('crypto');

const hex = (data) => crypto.createHash('sha256').update(Buffer.from(data)).digest('hex');
const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

for (let round = 0; round < 3; round++) {
  assert.strictEqual(crypto.createHash('sha256').update('abc').digest('hex'), abc);
  assert.strictEqual(crypto.createHash('sha256').digest('hex'), hex(''));
  assert.strictEqual(crypto.createHash('sha256').update('').digest('hex'), hex(''));
  assert.strictEqual(crypto.createHash('sha256').update('ab').update('c').digest('hex'), abc);
  assert.strictEqual(
    crypto.createHash('sha256').update('a').update(Buffer.from('bc')).digest('hex'), abc);
  assert.strictEqual(crypto.createHash('sha256').update('616263', 'hex').digest('hex'), abc);
  assert.strictEqual(crypto.createHash('sha256').update('abc', 'utf8').digest().toString('hex'),
                     abc);

  // copy() after a first string update carries that input.
  const h = crypto.createHash('sha256').update('ab');
  const c = h.copy();
  assert.strictEqual(h.update('c').digest('hex'), abc);
  assert.strictEqual(c.update('c').digest('hex'), abc);

  // A finalized hash refuses everything.
  const done = crypto.createHash('sha256').update('abc');
  done.digest();
  assert.throws(() => done.digest(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
  assert.throws(() => done.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
  assert.throws(() => done.copy(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });

  // Invalid data is rejected even as the first update.
  assert.throws(() => crypto.createHash('sha256').update(42), { code: 'ERR_INVALID_ARG_TYPE' });

  // Unknown names throw at creation every time.
  assert.throws(() => crypto.createHash('no-such-digest'), /Digest method not supported/);
}

// Stream use after a first string update: the piped output includes it.
const s = crypto.createHash('sha256');
s.update('a');
s.on('data', (digest) => {
  assert.strictEqual(digest.toString('hex'), abc);
  // The stream's digest stays available once.
  assert.strictEqual(s.digest('hex'), abc);
  ended = true;
});
let ended = false;
s.end('bc');
process.on('exit', () => assert.ok(ended));
