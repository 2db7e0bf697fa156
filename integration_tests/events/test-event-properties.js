'use strict';
// Event and CustomEvent: constructor checks, defaults, brand checks, isTrusted.
const assert = require('assert');

const e = new Event('foo');
assert.strictEqual(e.type, 'foo');
assert.strictEqual(e.bubbles, false);
assert.strictEqual(e.cancelable, false);
assert.strictEqual(e.composed, false);
assert.strictEqual(e.defaultPrevented, false);
assert.strictEqual(e.returnValue, true);
assert.strictEqual(e.isTrusted, false);
assert.strictEqual(e.srcElement, null);
assert.strictEqual(typeof e.timeStamp, 'number');
assert.deepStrictEqual(Object.keys(e), []);
assert.strictEqual(Object.prototype.toString.call(e), '[object Event]');

const c = new Event('bar', { cancelable: true, bubbles: 1 });
c.preventDefault();
assert.strictEqual(c.defaultPrevented, true);
assert.strictEqual(c.returnValue, false);
assert.strictEqual(c.bubbles, true);
c.cancelBubble = true;
assert.strictEqual(c.cancelBubble, true);

assert.throws(() => new Event(), {
  code: 'ERR_MISSING_ARGS', message: 'The "type" argument must be specified',
});
assert.throws(() => new Event('x', 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => Event.prototype.type, {
  code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type Event',
});
assert.strictEqual(Event.BUBBLING_PHASE, 3);
assert.strictEqual(Event.CAPTURING_PHASE, 1);

const ce = new CustomEvent('x', { detail: { a: 1 } });
assert.deepStrictEqual(ce.detail, { a: 1 });
assert.strictEqual(new CustomEvent('y').detail, null);
assert.ok(ce instanceof Event);

// The 'abort' event of an AbortSignal is trusted.
const ac = new AbortController();
let trusted;
ac.signal.addEventListener('abort', (ev) => { trusted = ev.isTrusted; });
ac.abort();
assert.strictEqual(trusted, true);
