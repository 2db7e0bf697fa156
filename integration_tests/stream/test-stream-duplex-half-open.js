'use strict';
// Duplex: the two sides are independent; with allowHalfOpen: false the writable side is
// ended when the readable side ends.
const assert = require('node:assert');
const { Duplex, Writable, Readable } = require('node:stream');

const d = new Duplex({
  objectMode: true,
  read() {},
  write(chunk, enc, cb) {
    this.push(chunk * 2);
    cb();
  },
});
assert.ok(d instanceof Readable);
assert.ok(d instanceof Writable); // Through Writable's Symbol.hasInstance.
assert.strictEqual(d.allowHalfOpen, true);
d.write(21);
assert.strictEqual(d.read(), 42);

const closing = new Duplex({
  allowHalfOpen: false,
  read() {
    this.push(null);
  },
  write(chunk, enc, cb) { cb(); },
});
let finished = false;
closing.on('finish', () => { finished = true; });
closing.resume(); // Reading to the end also ends the writable side.

const halfOpen = new Duplex({
  read() {
    this.push(null);
  },
  write(chunk, enc, cb) { cb(); },
});
halfOpen.resume();
halfOpen.on('end', () => setImmediate(() => {
  assert.strictEqual(halfOpen.writable, true);
  halfOpen.end();
}));

process.on('exit', () => {
  assert.ok(finished);
  assert.strictEqual(halfOpen.writableFinished, true);
});
