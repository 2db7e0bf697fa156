'use strict';
// destroy(err): 'error' then 'close' on the next tick, errored/destroyed/closed set;
// a second destroy is a no-op; emitClose: false suppresses 'close'; autoDestroy: false
// leaves a stream that emitted 'error' alive.
const assert = require('node:assert');
const { Readable, Writable } = require('node:stream');

const events = [];
const r = new Readable({ read() {} });
r.on('error', (e) => events.push(`error:${e.message}`));
r.on('close', () => events.push('close'));
const err = new Error('kaput');
r.destroy(err);
r.destroy(new Error('second'));
assert.strictEqual(r.destroyed, true);
assert.strictEqual(r.errored, err);
assert.strictEqual(r.readableAborted, true);
assert.deepStrictEqual(events, []);

const quiet = new Writable({ emitClose: false, write(c, e, cb) { cb(); } });
quiet.on('close', () => assert.fail('close with emitClose: false'));
quiet.destroy();

const noAuto = new Writable({
  autoDestroy: false,
  write(c, e, cb) { cb(new Error('write failed')); },
});
let noAutoErr;
noAuto.on('error', (e) => { noAutoErr = e; });
noAuto.write('x');

// Custom _destroy can replace the error.
const custom = new Writable({
  write(c, e, cb) { cb(); },
  destroy(e, cb) { cb(new Error('from _destroy')); },
});
let customErr;
custom.on('error', (e) => { customErr = e; });
custom.destroy();

process.on('exit', () => {
  assert.deepStrictEqual(events, ['error:kaput', 'close']);
  assert.strictEqual(r.closed, true);
  assert.strictEqual(noAutoErr.message, 'write failed');
  assert.strictEqual(noAuto.destroyed, false);
  assert.strictEqual(customErr.message, 'from _destroy');
});
