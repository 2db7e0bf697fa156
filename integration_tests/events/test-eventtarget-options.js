'use strict';
// addEventListener options: once, capture matching on remove, signal, and getEventListeners.
const assert = require('assert');
const { getEventListeners } = require('events');

const target = new EventTarget();
let onceCalls = 0;
target.addEventListener('a', () => onceCalls++, { once: true });
target.dispatchEvent(new Event('a'));
target.dispatchEvent(new Event('a'));
assert.strictEqual(onceCalls, 1);
assert.strictEqual(getEventListeners(target, 'a').length, 0);

// A capturing listener is only removed with capture: true.
let captureCalls = 0;
const fn = () => captureCalls++;
target.addEventListener('b', fn, true);
target.removeEventListener('b', fn);
target.dispatchEvent(new Event('b'));
target.removeEventListener('b', fn, { capture: true });
target.dispatchEvent(new Event('b'));
assert.strictEqual(captureCalls, 1);

// Aborting the signal removes the listener; an aborted signal adds nothing.
const ac = new AbortController();
let signalCalls = 0;
target.addEventListener('c', () => signalCalls++, { signal: ac.signal });
assert.strictEqual(getEventListeners(target, 'c').length, 1);
target.dispatchEvent(new Event('c'));
ac.abort();
target.dispatchEvent(new Event('c'));
assert.strictEqual(signalCalls, 1);
assert.deepStrictEqual(getEventListeners(target, 'c'), []);
target.addEventListener('c', () => signalCalls++, { signal: ac.signal });
target.dispatchEvent(new Event('c'));
assert.strictEqual(signalCalls, 1);

assert.throws(() => target.addEventListener('d', () => {}, { signal: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// getEventListeners returns handleEvent objects themselves.
const obj = { handleEvent() {} };
target.addEventListener('e', obj);
assert.deepStrictEqual(getEventListeners(target, 'e'), [obj]);
