'use strict';
// AbortController.abort(reason): aborted, reason, onabort, throwIfAborted, one event only.
const assert = require('assert');

const ac = new AbortController();
const { signal } = ac;
assert.strictEqual(signal.aborted, false);
assert.strictEqual(signal.reason, undefined);
signal.throwIfAborted();
let events = 0;
signal.onabort = (e) => { events++; assert.strictEqual(e.type, 'abort'); };
assert.strictEqual(typeof signal.onabort, 'function');
ac.abort();
ac.abort(new Error('second'));
assert.strictEqual(events, 1);
assert.strictEqual(signal.aborted, true);
assert.ok(signal.reason instanceof DOMException);
assert.strictEqual(signal.reason.name, 'AbortError');
assert.strictEqual(signal.reason.message, 'This operation was aborted');
assert.strictEqual(signal.reason.code, 20);
assert.throws(() => signal.throwIfAborted(), { name: 'AbortError' });

const custom = new AbortController();
const reason = { why: 'custom' };
custom.abort(reason);
assert.strictEqual(custom.signal.reason, reason);

assert.throws(() => new AbortSignal(), {
  name: 'TypeError', code: 'ERR_ILLEGAL_CONSTRUCTOR', message: 'Illegal constructor',
});
const pre = AbortSignal.abort('r');
assert.strictEqual(pre.aborted, true);
assert.strictEqual(pre.reason, 'r');
assert.strictEqual(Object.prototype.toString.call(pre), '[object AbortSignal]');
assert.strictEqual(Object.prototype.toString.call(ac), '[object AbortController]');
assert.ok(signal instanceof EventTarget);
const { inspect } = require('util');
assert.strictEqual(inspect(new AbortController()),
  'AbortController { signal: AbortSignal { aborted: false } }');
