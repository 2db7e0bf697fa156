'use strict';
// setEncoding() decodes multi-byte characters split across chunks, and re-decodes data
// already buffered.
const assert = require('node:assert');
const { Readable } = require('node:stream');

const euro = Buffer.from('€uro ✓ 😀', 'utf8');
const r = new Readable({ read() {} });
// One byte at a time, so every multi-byte character is split.
for (let i = 0; i < 4; i++) r.push(euro.subarray(i, i + 1));
r.setEncoding('utf8');
assert.strictEqual(r.readableEncoding, 'utf8');
for (let i = 4; i < euro.length; i++) r.push(euro.subarray(i, i + 1));
r.push(null);

let out = '';
r.on('data', (s) => {
  assert.strictEqual(typeof s, 'string');
  out += s;
});
r.on('end', () => assert.strictEqual(out, '€uro ✓ 😀'));

// hex and base64 too.
const h = new Readable({ read() {}, encoding: 'hex' });
h.push(Buffer.from([0xde, 0xad]));
h.push(Buffer.from([0xbe, 0xef]));
h.push(null);
assert.strictEqual(h.read(), 'deadbeef');

const b = new Readable({ read() {} });
b.setEncoding('base64');
b.push(Buffer.from('ab'));
b.push(Buffer.from('c'));
b.push(null);
let b64 = '';
b.on('data', (s) => { b64 += s; });
b.on('end', () => assert.strictEqual(b64, Buffer.from('abc').toString('base64')));

let ended = 0;
r.on('end', () => ended++);
b.on('end', () => ended++);
process.on('exit', () => assert.strictEqual(ended, 2));
