'use strict';
// pipeline() with a source, a generator transform and a destination calls back once,
// with no error on success; with the failing stage's error otherwise, destroying all
// streams.
const assert = require('node:assert');
const { pipeline, Readable, Writable, PassThrough } = require('node:stream');

const out = [];
pipeline(
  Readable.from(['a', 'b', 'c']),
  async function* upper(source) {
    for await (const chunk of source) yield chunk.toUpperCase();
  },
  new Writable({
    objectMode: true,
    write(chunk, enc, cb) {
      out.push(chunk);
      cb();
    },
  }),
  (err) => {
    assert.ifError(err);
    assert.deepStrictEqual(out, ['A', 'B', 'C']);
    okCalls++;
  },
);

const src = new Readable({ read() {} });
const middle = new PassThrough();
const dst = new Writable({ write(c, e, cb) { cb(); } });
pipeline(src, middle, dst, (err) => {
  assert.strictEqual(err.message, 'middle failed');
  assert.strictEqual(src.destroyed, true);
  assert.strictEqual(dst.destroyed, true);
  errCalls++;
});
src.push('x');
setImmediate(() => middle.destroy(new Error('middle failed')));

assert.throws(() => pipeline(src, dst), { code: 'ERR_INVALID_ARG_TYPE' }); // No callback.
assert.throws(() => pipeline([src], () => {}), { code: 'ERR_MISSING_ARGS' });

let okCalls = 0;
let errCalls = 0;
process.on('exit', () => {
  assert.strictEqual(okCalls, 1);
  assert.strictEqual(errCalls, 1);
});
