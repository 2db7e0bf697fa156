'use strict';
// The 'readable' event: emitted when data is buffered and again at the end; a 'readable'
// listener takes precedence over flowing mode.
const assert = require('node:assert');
const { Readable } = require('node:stream');

const r = new Readable({ read() {} });
const seen = [];
let readableEvents = 0;
r.on('readable', () => {
  readableEvents++;
  let chunk;
  while ((chunk = r.read()) !== null) seen.push(chunk.toString());
});
assert.strictEqual(r.readableFlowing, false);
r.resume(); // Ignored while a 'readable' listener is attached.
assert.strictEqual(r.readableFlowing, false);

r.push('a');
r.push('b');
setImmediate(() => {
  r.push('c');
  r.push(null);
});
r.on('end', () => {
  assert.deepStrictEqual(seen, ['ab', 'c']);
  // Once for 'ab', once for 'c' and the end.
  assert.ok(readableEvents >= 2);
});
let ended = false;
r.on('end', () => { ended = true; });
process.on('exit', () => assert.ok(ended));
