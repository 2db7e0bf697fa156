'use strict';
// cork() buffers writes; uncork() (or end()) flushes them in one _writev call; each
// write's callback still runs.
const assert = require('node:assert');
const { Writable } = require('node:stream');

const calls = [];
const w = new Writable({
  write(chunk, enc, cb) {
    calls.push(['write', chunk.toString()]);
    cb();
  },
  writev(chunks, cb) {
    calls.push(['writev', chunks.map((c) => c.chunk.toString())]);
    cb();
  },
});

let callbacks = 0;
w.cork();
w.cork();
assert.strictEqual(w.writableCorked, 2);
w.write('a', () => callbacks++);
w.write('b', () => callbacks++);
w.uncork();
assert.deepStrictEqual(calls, []); // Still corked once.
w.write('c', () => callbacks++);
w.uncork();
assert.deepStrictEqual(calls, [['writev', ['a', 'b', 'c']]]);
assert.strictEqual(w.writableCorked, 0);

// A single write goes to _write.
w.write('d');
assert.deepStrictEqual(calls[1], ['write', 'd']);

// end() uncorks.
w.cork();
w.write('e');
w.end('f');
assert.deepStrictEqual(calls[2], ['writev', ['e', 'f']]);

w.on('finish', () => assert.strictEqual(callbacks, 3));
let finished = false;
w.on('finish', () => { finished = true; });
process.on('exit', () => assert.ok(finished));
