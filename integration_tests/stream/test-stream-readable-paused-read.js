'use strict';
// A paused Readable: read(n) returns exactly n bytes when buffered, null when it must
// wait, and everything that is left once the stream has ended.
const assert = require('node:assert');
const { Readable } = require('node:stream');

const r = new Readable({ read() {} });
r.push('abcdef');
r.push('ghij');
assert.strictEqual(r.readableLength, 10);

assert.strictEqual(r.read(3).toString(), 'abc');
// Spans two chunks.
assert.strictEqual(r.read(5).toString(), 'defgh');
// More than is buffered, not ended yet: null, nothing consumed.
assert.strictEqual(r.read(5), null);
assert.strictEqual(r.readableLength, 2);

r.push(null);
// After the end, read(n) returns the remainder.
assert.strictEqual(r.read(5).toString(), 'ij');
assert.strictEqual(r.read(), null);

let ended = false;
r.on('end', () => { ended = true; });
// 'end' is emitted asynchronously once the buffer is drained.
assert.strictEqual(ended, false);
setImmediate(() => {
  assert.strictEqual(ended, true);
  assert.strictEqual(r.readableEnded, true);
});
process.on('exit', () => assert.strictEqual(ended, true));
