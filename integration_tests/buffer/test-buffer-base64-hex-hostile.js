'use strict';
// Malformed base64 and hex decode the way Node's forgiving decoders do.
const assert = require('assert');

const hex = (s, enc) => Buffer.from(s, enc).toString('hex');
// Whitespace and characters outside the alphabet are skipped.
assert.strictEqual(hex('QU JD\n', 'base64'), '414243');
assert.strictEqual(hex('Q$U*J!D', 'base64'), '414243');
// Both alphabets decode in both modes.
assert.strictEqual(hex('-_-_', 'base64'), 'fbffbf');
assert.strictEqual(hex('+/+/', 'base64url'), 'fbffbf');
// The first '=' ends the input; a lone trailing character yields nothing.
assert.strictEqual(hex('QQ==QUJD', 'base64'), '41');
assert.strictEqual(hex('QU=JD', 'base64'), '41');
assert.strictEqual(hex('QUJDQ', 'base64'), '414243');
assert.strictEqual(hex('Q', 'base64'), '');
assert.strictEqual(hex('====', 'base64'), '');
// Two-byte characters are read by their low byte (U+0141 reads as 'A').
assert.strictEqual(hex('\u0141QUJD', 'base64'), '010509');
assert.strictEqual(Buffer.byteLength('QQ==', 'base64'), 1);
assert.strictEqual(Buffer.byteLength('QU JD', 'base64'), 3);

// Hex stops at the first bad pair; an odd final digit is dropped.
assert.strictEqual(hex('abc', 'hex'), 'ab');
assert.strictEqual(hex('abzz12', 'hex'), 'ab');
assert.strictEqual(hex('0g12', 'hex'), '');
assert.strictEqual(hex('ABCDEF', 'hex'), 'abcdef');
assert.strictEqual(Buffer.byteLength('abc', 'hex'), 1);
const buf = Buffer.alloc(4);
assert.strictEqual(buf.write('aazz', 'hex'), 1);
assert.strictEqual(buf.write('QUJDQUJD', 'base64'), 4);
assert.strictEqual(buf.toString('hex'), '41424341');
