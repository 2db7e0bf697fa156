'use strict';
// Blob: parts of every kind, size/type, slice, text() and arrayBuffer().
const assert = require('assert');
const { Blob } = require('buffer');

(async () => {
  const blob = new Blob(['ab', Buffer.from('c'), new Uint8Array([0x64]).buffer, new Blob(['e'])],
                        { type: 'Text/Plain' });
  assert.strictEqual(blob.size, 5);
  assert.strictEqual(blob.type, 'text/plain');
  assert.strictEqual(await blob.text(), 'abcde');
  assert.strictEqual(await blob.slice(1, -1).text(), 'bcd');
  assert.strictEqual(await blob.slice(-2).text(), 'de');
  assert.strictEqual(blob.slice(3, 1).size, 0);
  assert.strictEqual(blob.slice(0, 1, 'X/Y').type, 'x/y');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  assert.deepStrictEqual([...bytes], [97, 98, 99, 100, 101]);
  assert.strictEqual(new Blob().size, 0);
  assert.strictEqual(new Blob(['x'], { type: '\u0100' }).type, '');
  assert.strictEqual(Object.prototype.toString.call(blob), '[object Blob]');
  assert.throws(() => new Blob('abc'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "sources" argument must be a sequence. Received type string (\'abc\')',
  });
  assert.throws(() => new Blob([], { endings: 'x' }), { code: 'ERR_INVALID_ARG_VALUE' });
})().then(() => {}, (err) => { process.exitCode = 1; throw err; });
