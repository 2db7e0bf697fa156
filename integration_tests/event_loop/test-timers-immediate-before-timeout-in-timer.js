'use strict';
// Inside a timer callback the loop is in the timers phase, so an immediate
// scheduled there runs in the check phase of the same iteration, before a
// 0 ms timer scheduled there (which cannot run before the next timers phase).
// This is deterministic, unlike the same race in the main script.
const assert = require('node:assert');

const order = [];

setTimeout(() => {
  setTimeout(() => order.push('timeout'), 0);
  setImmediate(() => order.push('immediate'));
  process.nextTick(() => order.push('tick'));
  order.push('outer');
}, 1);

process.on('exit', () => {
  assert.deepStrictEqual(order, ['outer', 'tick', 'immediate', 'timeout']);
});

// Repeat the experiment several times to make sure it does not flake.
let runs = 0;
const results = [];
function again() {
  const local = [];
  setTimeout(() => {
    setTimeout(() => {
      local.push('timeout');
      results.push(local.join(','));
      if (++runs < 20) again();
    }, 0);
    setImmediate(() => local.push('immediate'));
  }, 0);
}
again();

process.on('exit', () => {
  assert.strictEqual(results.length, 20);
  for (const r of results) assert.strictEqual(r, 'immediate,timeout');
  console.log('ok');
});
