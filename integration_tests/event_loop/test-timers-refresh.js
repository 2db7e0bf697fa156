'use strict';
// refresh() restarts the timer's countdown from now with the same delay and
// callback, without allocating a new timer; it returns the timer itself.
const assert = require('node:assert');

const start = Date.now();
let firedAt = 0;
let fireCount = 0;
const t = setTimeout(() => {
  fireCount++;
  firedAt = Date.now();
}, 50);

let refreshes = 0;
const iv = setInterval(() => {
  if (refreshes < 4) {
    assert.strictEqual(t.refresh(), t);
    refreshes++;
  } else {
    clearInterval(iv);
  }
}, 25);

// A timer refreshed after it fired runs again.
let again = 0;
const t2 = setTimeout(() => {
  again++;
  if (again === 1) t2.refresh();
}, 1);

process.on('exit', () => {
  assert.strictEqual(fireCount, 1);
  assert.strictEqual(refreshes, 4);
  // The last refresh happened at least 4 * 25 ms after start, so the timer
  // cannot have fired before start + 100 + 50 ms (allow 1 ms of slack for
  // clock granularity).
  assert.ok(firedAt - start >= 149, `fired too early: ${firedAt - start} ms`);
  assert.strictEqual(again, 2);
  console.log('ok');
});
