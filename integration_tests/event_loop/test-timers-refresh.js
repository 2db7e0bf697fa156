'use strict';
// refresh() restarts the timer's countdown from now with the same delay and
// callback, without allocating a new timer; it returns the timer itself.
// The event loop is blocked with busy-waits so that timing is deterministic:
// a timer cannot fire while JavaScript is running.
const assert = require('node:assert');

function spin(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) { /* busy-wait */ }
}

let fireCount = 0;
let firedAt = 0;
const t = setTimeout(() => {
  fireCount++;
  firedAt = Date.now();
}, 60);

let lastRefresh = 0;
// Refresh three times, 40 ms apart: t would have expired without refresh.
spin(40);
assert.strictEqual(t.refresh(), t);
lastRefresh = Date.now();
spin(40);
t.refresh();
lastRefresh = Date.now();
setTimeout(() => {
  assert.strictEqual(fireCount, 0);
  spin(40);
  t.refresh();
  lastRefresh = Date.now();
}, 1);

// A timer refreshed after it fired runs again.
let again = 0;
const t2 = setTimeout(() => {
  again++;
  if (again === 1) t2.refresh();
}, 1);

process.on('exit', () => {
  assert.strictEqual(fireCount, 1);
  // Allow 1 ms of slack for clock granularity.
  assert.ok(firedAt - lastRefresh >= 59,
            `fired ${firedAt - lastRefresh} ms after the last refresh`);
  assert.strictEqual(again, 2);
  console.log('ok');
});
