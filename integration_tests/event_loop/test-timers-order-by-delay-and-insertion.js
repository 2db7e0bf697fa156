'use strict';
// Timers fire in order of expiry time; timers with the same expiry fire in
// insertion order, regardless of whether the delays were given as equal
// numbers.
const assert = require('node:assert');

const order = [];

setTimeout(() => order.push('30a'), 30);
setTimeout(() => order.push('10a'), 10);
setTimeout(() => order.push('20'), 20);
setTimeout(() => order.push('10b'), 10);
setTimeout(() => order.push('1a'), 1);
setTimeout(() => order.push('0'), 0);  // 0 is coerced to 1
setTimeout(() => order.push('1b'), 1);
setTimeout(() => order.push('30b'), 30);
setTimeout(() => order.push('10c'), 10);

process.on('exit', () => {
  assert.deepStrictEqual(order,
                         ['1a', '0', '1b', '10a', '10b', '10c', '20', '30a', '30b']);
  console.log('ok');
});
