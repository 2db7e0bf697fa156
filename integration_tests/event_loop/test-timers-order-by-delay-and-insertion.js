'use strict';
// Timers fire in order of expiry time; timers with the same expiry fire in
// insertion order, regardless of whether the delays were given as equal
// numbers.
const assert = require('node:assert');

const order = [];

// Delays are far apart so that the few microseconds between the calls
// cannot change the expiry order.
setTimeout(() => order.push('90a'), 90);
setTimeout(() => order.push('30a'), 30);
setTimeout(() => order.push('60'), 60);
setTimeout(() => order.push('30b'), 30);
setTimeout(() => order.push('1a'), 1);
setTimeout(() => order.push('0'), 0);  // 0 is coerced to 1
setTimeout(() => order.push('1b'), 1);
setTimeout(() => order.push('90b'), 90);
setTimeout(() => order.push('30c'), 30);

process.on('exit', () => {
  assert.deepStrictEqual(order,
                         ['1a', '0', '1b', '30a', '30b', '30c', '60', '90a', '90b']);
  console.log('ok');
});
