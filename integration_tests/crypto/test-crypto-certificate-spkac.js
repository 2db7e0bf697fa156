'use strict';
// crypto.Certificate (SPKAC): a valid SPKAC (fixtures/spkac-valid.txt, made for the leaf key
// in fixtures/x509-leaf-key.pem) verifies and yields its key and challenge; a tampered or
// garbage one is rejected without throwing.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const spkac = read('spkac-valid.txt');
const { Certificate } = crypto;

for (const cert of [Certificate, new Certificate(), Certificate()]) {
  assert.strictEqual(cert.verifySpkac(spkac), true);
  assert.strictEqual(cert.exportChallenge(spkac).toString(), 'skua-challenge');
  const pem = cert.exportPublicKey(spkac).toString();
  const expected = crypto.createPublicKey(read('x509-leaf-key.pem'))
    .export({ type: 'spki', format: 'pem' });
  assert.strictEqual(pem, expected);
}
assert.strictEqual(Certificate.verifySpkac(spkac.toString('latin1'), 'latin1'), true);
const ab = spkac.buffer.slice(spkac.byteOffset, spkac.byteOffset + spkac.length);
assert.strictEqual(Certificate.verifySpkac(new DataView(ab)), true);

// Flip one base64 character inside the signature: it still decodes but no longer verifies.
const tampered = Buffer.from(spkac);
const at = tampered.length - 10;
tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
assert.strictEqual(Certificate.verifySpkac(tampered), false);
assert.strictEqual(Certificate.verifySpkac(Buffer.alloc(0)), '');  // Node's answer.
for (const bad of [Buffer.from('not an spkac'), Buffer.from('AAAA')]) {
  assert.strictEqual(Certificate.verifySpkac(bad), false);
  assert.strictEqual(Certificate.exportPublicKey(bad), '');
  assert.strictEqual(Certificate.exportChallenge(bad), '');
}
for (const value of [1, {}, null, undefined]) {
  assert.throws(() => Certificate.verifySpkac(value), { code: 'ERR_INVALID_ARG_TYPE' });
}
console.log('ok');
