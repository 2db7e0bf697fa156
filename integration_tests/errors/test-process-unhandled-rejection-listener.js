'use strict';
// With an 'unhandledRejection' listener, unhandled rejections do not crash
// the process: the listener gets (reason, promise) and the process exits 0.
// Rejections handled before the microtask queue drains are not reported.
const assert = require('node:assert');

const seen = [];
process.on('unhandledRejection', (reason, promise) => {
  assert.ok(promise instanceof Promise);
  seen.push({ reason, promise });
});

const err = new Error('rejected');
const p1 = Promise.reject(err);
const p2 = Promise.reject(42);
const p3 = (async () => { throw new TypeError('async'); })();

// Handled in the same tick: never reported.
const handled = Promise.reject(new Error('handled'));
handled.catch(() => {});
// Handled from a microtask: still in time.
const handledLater = Promise.reject(new Error('handled in microtask'));
queueMicrotask(() => handledLater.catch(() => {}));

let timerRan = false;
setTimeout(() => { timerRan = true; }, 1);

process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(timerRan, true);
  assert.strictEqual(seen.length, 3);
  assert.strictEqual(seen[0].reason, err);
  assert.strictEqual(seen[0].promise, p1);
  assert.strictEqual(seen[1].reason, 42);
  assert.strictEqual(seen[1].promise, p2);
  assert.ok(seen[2].reason instanceof TypeError);
  assert.strictEqual(seen[2].promise, p3);
  console.log('ok');
});
