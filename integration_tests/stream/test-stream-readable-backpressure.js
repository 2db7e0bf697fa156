'use strict';
// push() returns false once the buffer reaches highWaterMark, and _read() is not called
// again until the consumer reads; objectMode counts entries, not bytes.
const assert = require('node:assert');
const { Readable, getDefaultHighWaterMark } = require('node:stream');

assert.strictEqual(getDefaultHighWaterMark(false), 16384);
assert.strictEqual(getDefaultHighWaterMark(true), 16);
assert.strictEqual(new Readable().readableHighWaterMark, 16384);
assert.strictEqual(new Readable({ objectMode: true }).readableHighWaterMark, 16);

let reads = 0;
const results = [];
const r = new Readable({
  objectMode: true,
  highWaterMark: 3,
  read() {
    reads++;
    // Push until told to stop.
    let i = 0;
    while (i < 10) {
      const more = this.push({ i: reads * 100 + i });
      results.push(more);
      i++;
      if (!more) break;
    }
  },
});
r.read(0); // Trigger the first _read().
assert.strictEqual(reads, 1);
assert.deepStrictEqual(results, [true, true, false]);
assert.strictEqual(r.readableLength, 3);

setImmediate(() => {
  // No consumer: no more _read() calls.
  assert.strictEqual(reads, 1);
  assert.deepStrictEqual(r.read(), { i: 100 });
  assert.strictEqual(reads, 2);
});
