'use strict';
// write() returns false at highWaterMark and 'drain' follows once the queue empties;
// writableNeedDrain / writableLength track the state.
const assert = require('node:assert');
const { Writable } = require('node:stream');

const pending = [];
const w = new Writable({
  highWaterMark: 5,
  write(chunk, enc, cb) {
    pending.push(cb); // Complete later.
  },
});

assert.strictEqual(w.write('abc'), true);
assert.strictEqual(w.writableLength, 3);
assert.strictEqual(w.write('def'), false);
assert.strictEqual(w.writableNeedDrain, true);
assert.strictEqual(w.writableLength, 6);

let drains = 0;
w.on('drain', () => {
  drains++;
  assert.strictEqual(w.writableLength, 0);
  assert.strictEqual(w.writableNeedDrain, false);
});

setImmediate(() => {
  pending.shift()(); // First write done; the second is now in _write.
  assert.strictEqual(drains, 0);
  setImmediate(() => {
    pending.shift()();
    assert.strictEqual(drains, 1); // Asynchronous completion emits 'drain' directly.
  });
});
process.on('exit', () => assert.strictEqual(drains, 1));
