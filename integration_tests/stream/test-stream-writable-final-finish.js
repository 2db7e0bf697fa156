'use strict';
// end(): _final runs after the last write completes, then 'prefinish', the end callback,
// 'finish' and 'close' follow in that order; writing after end is an error.
const assert = require('node:assert');
const { Writable } = require('node:stream');

const events = [];
const w = new Writable({
  write(chunk, enc, cb) {
    events.push(`write:${chunk}`);
    setImmediate(cb);
  },
  final(cb) {
    events.push('final');
    setImmediate(cb);
  },
});
w.on('prefinish', () => events.push('prefinish'));
w.on('finish', () => {
  events.push('finish');
  assert.strictEqual(w.writableFinished, true);
});
w.on('close', () => events.push('close'));

w.write('a');
w.end('b', () => events.push('end-cb'));
assert.strictEqual(w.writableEnded, true);
assert.strictEqual(w.writableFinished, false);
assert.strictEqual(w.writable, false);

// Writing after end() fails (and, with autoDestroy, destroys the stream).
const other = new Writable({ write(c, e, cb) { cb(); } });
other.end();
let lateError;
other.write('c', (err) => { lateError = err; });
other.on('error', () => {});

process.on('exit', () => {
  assert.deepStrictEqual(events,
    ['write:a', 'write:b', 'final', 'prefinish', 'end-cb', 'finish', 'close']);
  assert.strictEqual(lateError.code, 'ERR_STREAM_WRITE_AFTER_END');
});
