'use strict';
// Delays < 1, NaN, non-numbers and > 2^31-1 are coerced to 1 ms. A delay that
// is too big also emits a TimeoutOverflowWarning on process 'warning'.
const assert = require('node:assert');

const warnings = [];
process.on('warning', (w) => warnings.push(w));

const order = [];
const delays = [
  ['zero', 0], ['negative', -100], ['NaN', NaN], ['string', 'abc'],
  ['undefined', undefined], ['half', 0.5], ['huge', 2 ** 31],
  ['infinity', Infinity],
];
for (const [name, delay] of delays) {
  setTimeout(() => order.push(name), delay);
}
// A numeric string is converted to a number.
setTimeout(() => order.push('string-5'), '5');
// Set after all the coerced ones with a real 1 ms delay: must run last among
// the 1 ms timers (same list, insertion order).
setTimeout(() => order.push('one'), 1);

process.on('exit', () => {
  assert.deepStrictEqual(order, [
    'zero', 'negative', 'NaN', 'string', 'undefined', 'half', 'huge',
    'infinity', 'one', 'string-5',
  ]);
  // One warning for 2**31, one for Infinity.
  const overflow = warnings.filter((w) => w.name === 'TimeoutOverflowWarning');
  assert.strictEqual(overflow.length, 2, `warnings: ${warnings.map(String)}`);
  assert.ok(overflow[0] instanceof Error);
  assert.match(overflow[0].message,
               /^2147483648 does not fit into a 32-bit signed integer\.\nTimeout duration was set to 1\.$/);
  assert.match(overflow[1].message, /^Infinity does not fit into a 32-bit signed integer\./);
  assert.strictEqual(warnings.length, 2);
  console.log('ok');
});
