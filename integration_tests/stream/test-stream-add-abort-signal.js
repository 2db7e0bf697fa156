'use strict';
// addAbortSignal() and the signal option destroy a stream with an AbortError whose
// cause is the abort reason.
const assert = require('node:assert');
const { addAbortSignal, Readable, Writable } = require('node:stream');

const ac = new AbortController();
const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
const errors = [];
r.on('error', (e) => errors.push(['r', e.name, e.code, e.cause]));
ac.abort('stop');

const already = AbortController.prototype.abort ? new AbortController() : null;
already.abort();
const w = new Writable({ signal: already.signal, write(c, e, cb) { cb(); } });
assert.strictEqual(w.destroyed, true);
w.on('error', (e) => errors.push(['w', e.name, e.code]));

assert.throws(() => addAbortSignal('nope', r), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => addAbortSignal(ac.signal, {}), { code: 'ERR_INVALID_ARG_TYPE' });

process.on('exit', () => {
  assert.deepStrictEqual(errors, [
    ['r', 'AbortError', 'ABORT_ERR', 'stop'],
    ['w', 'AbortError', 'ABORT_ERR'],
  ]);
});
