'use strict';
// process.hrtime() returns [seconds, nanoseconds]; passing a previous value
// gives the difference. process.hrtime.bigint() returns a bigint in ns.
const assert = require('node:assert');

const t0 = process.hrtime();
assert.ok(Array.isArray(t0));
assert.strictEqual(t0.length, 2);
assert.ok(Number.isInteger(t0[0]) && t0[0] >= 0);
assert.ok(Number.isInteger(t0[1]) && t0[1] >= 0 && t0[1] < 1e9);

const b0 = process.hrtime.bigint();
assert.strictEqual(typeof b0, 'bigint');

setTimeout(() => {
  // Busy-wait rather than trusting the timer's delay, which is measured
  // against the loop's cached clock.
  const end = Date.now() + 21;
  while (Date.now() < end) { /* spin */ }
  const diff = process.hrtime(t0);
  assert.strictEqual(diff.length, 2);
  assert.ok(diff[1] >= 0 && diff[1] < 1e9);
  const ms = diff[0] * 1e3 + diff[1] / 1e6;
  assert.ok(ms >= 19, `elapsed ${ms} ms`);
  assert.ok(ms < 10000, `elapsed ${ms} ms`);

  const b1 = process.hrtime.bigint();
  assert.ok(b1 > b0);
  assert.ok(b1 - b0 >= 19000000n, `elapsed ${b1 - b0} ns`);

  // Monotonic.
  let prev = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) {
    const now = process.hrtime.bigint();
    assert.ok(now >= prev);
    prev = now;
  }
  assert.throws(() => process.hrtime(1), { code: 'ERR_INVALID_ARG_TYPE' });
  console.log('ok');
}, 1);
