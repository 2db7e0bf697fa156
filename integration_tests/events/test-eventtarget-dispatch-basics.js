'use strict';
// dispatchEvent: phase, target, handleEvent objects, stopImmediatePropagation, return value.
const assert = require('assert');

const target = new EventTarget();
const seen = [];
target.addEventListener('ping', function(event) {
  assert.strictEqual(this, target);
  assert.strictEqual(event.eventPhase, Event.AT_TARGET);
  assert.strictEqual(event.target, target);
  assert.strictEqual(event.currentTarget, target);
  assert.deepStrictEqual(event.composedPath(), [target]);
  seen.push('fn');
});
const handler = {
  handleEvent(event) {
    assert.strictEqual(this, handler);
    seen.push('object');
    event.stopImmediatePropagation();
  },
};
target.addEventListener('ping', handler);
target.addEventListener('ping', () => seen.push('never'));

const event = new Event('ping', { cancelable: true });
assert.strictEqual(target.dispatchEvent(event), true);
assert.deepStrictEqual(seen, ['fn', 'object']);
assert.strictEqual(event.eventPhase, Event.NONE);
assert.strictEqual(event.currentTarget, null);
assert.strictEqual(event.target, target);
assert.deepStrictEqual(event.composedPath(), []);

// The same listener twice is registered once; preventDefault makes dispatch return false.
const t2 = new EventTarget();
let calls = 0;
const listener = (e) => { calls++; e.preventDefault(); };
t2.addEventListener('x', listener);
t2.addEventListener('x', listener);
assert.strictEqual(t2.dispatchEvent(new Event('x', { cancelable: true })), false);
assert.strictEqual(t2.dispatchEvent(new Event('x')), true); // not cancelable
assert.strictEqual(calls, 2);
t2.removeEventListener('x', listener);
t2.dispatchEvent(new Event('x'));
assert.strictEqual(calls, 2);

// Recursive dispatch of the same event is refused.
t2.addEventListener('r', (e) => {
  assert.throws(() => t2.dispatchEvent(e), {
    name: 'Error', code: 'ERR_EVENT_RECURSION', message: 'The event "r" is already being dispatched',
  });
});
t2.dispatchEvent(new Event('r'));

assert.throws(() => t2.dispatchEvent({ type: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "event" argument must be an instance of Event. Received an instance of Object',
});
assert.throws(() => t2.addEventListener('x'), {
  code: 'ERR_MISSING_ARGS', message: 'The "type" and "listener" arguments must be specified',
});
assert.throws(() => t2.addEventListener('x', 1), { code: 'ERR_INVALID_ARG_TYPE' });
