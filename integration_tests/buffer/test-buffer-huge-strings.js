'use strict';
// Decoding past V8's string limit throws ERR_STRING_TOO_LONG instead of crashing.
const assert = require('assert');
const { constants } = require('buffer');

const big = Buffer.alloc(constants.MAX_STRING_LENGTH + 1);
for (const encoding of ['latin1', 'utf8', 'ascii', 'hex', 'base64']) {
  assert.throws(() => big.toString(encoding), {
    code: 'ERR_STRING_TOO_LONG',
    message: 'Cannot create a string longer than 0x1fffffe8 characters',
  }, encoding);
}
// Exactly at the limit works (hex of half the bytes).
assert.strictEqual(big.toString('hex', 0, 1000).length, 2000);
