'use strict';
// pipe(): data flows to the destination, the source pauses while the destination needs
// a 'drain', the destination is ended at the source's end (unless end: false), and
// unpipe() stops the flow.
const assert = require('node:assert');
const { Readable, Writable } = require('node:stream');

let i = 0;
const src = new Readable({
  read() {
    i++;
    this.push(i <= 20 ? Buffer.alloc(10, i) : null);
  },
});
let written = 0;
let maxLength = 0;
const dst = new Writable({
  highWaterMark: 25,
  write(chunk, enc, cb) {
    written += chunk.length;
    maxLength = Math.max(maxLength, this.writableLength);
    setTimeout(cb, 1);
  },
});
let pipes = 0;
dst.on('pipe', (s) => {
  assert.strictEqual(s, src);
  pipes++;
});
assert.strictEqual(src.pipe(dst), dst);
dst.on('finish', () => {
  assert.strictEqual(written, 200);
  // Backpressure kept the destination's queue near its highWaterMark.
  assert.ok(maxLength <= 40, `queue grew to ${maxLength}`);
});

// end: false and unpipe.
const s2 = new Readable({ read() {} });
const sink = [];
const d2 = new Writable({ write(c, e, cb) { sink.push(c.toString()); cb(); } });
let unpiped = false;
d2.on('unpipe', () => { unpiped = true; });
s2.pipe(d2, { end: false });
s2.push('x');
setImmediate(() => {
  s2.unpipe(d2);
  s2.push('y');
  s2.push(null);
  setImmediate(() => {
    assert.deepStrictEqual(sink, ['x']);
    assert.strictEqual(d2.writableEnded, false);
  });
});

let finished = false;
dst.on('finish', () => { finished = true; });
process.on('exit', () => {
  assert.ok(finished);
  assert.strictEqual(pipes, 1);
  assert.ok(unpiped);
});
