'use strict';
// finished(): calls back after 'end'/'finish', with ERR_STREAM_PREMATURE_CLOSE when the
// stream closes early, with the error on failure; the promise form and the returned
// cleanup function.
const assert = require('node:assert');
const { finished, Readable, Writable } = require('node:stream');
const { finished: finishedP } = require('node:stream/promises');

const results = {};
const r = Readable.from(['x']);
finished(r, (err) => { results.ended = err; });
r.resume();

const early = new Readable({ read() {} });
finished(early, (err) => { results.premature = err && err.code; });
early.destroy();

const failing = new Writable({ write(c, e, cb) { cb(new Error('disk full')); } });
failing.on('error', () => {});
finished(failing, (err) => { results.failed = err.message; });
failing.write('x');

const w = new Writable({ write(c, e, cb) { cb(); } });
finishedP(w).then(() => { results.promise = true; });
w.end('done');

const ignored = new Readable({ read() {} });
const cleanup = finished(ignored, () => assert.fail('cleaned-up callback ran'));
cleanup();
ignored.destroy();

assert.throws(() => finished({}, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });

process.on('exit', () => {
  assert.deepStrictEqual(results, {
    ended: undefined,
    premature: 'ERR_STREAM_PREMATURE_CLOSE',
    failed: 'disk full',
    promise: true,
  });
});
