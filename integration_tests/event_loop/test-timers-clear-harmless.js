'use strict';
// Clearing a timer that already fired, was already cleared, or that is not a
// timer at all is a harmless no-op.
const assert = require('node:assert');

let fired = 0;
const t = setTimeout(() => {
  fired++;
  clearTimeout(t);        // clear itself while running
  clearTimeout(t);
}, 1);

const cleared = setTimeout(() => assert.fail('cleared timer ran'), 1);
clearTimeout(cleared);
clearTimeout(cleared);
clearInterval(cleared);

for (const bogus of [undefined, null, 0, 12345, 'abc', {}, [], () => {}, NaN]) {
  clearTimeout(bogus);
  clearInterval(bogus);
}
// Note: Node 20's clearImmediate throws for truthy primitives (it assigns a
// property on them in strict mode), so only objects and nullish values here.
for (const bogus of [undefined, null, 0, {}, []]) {
  clearImmediate(bogus);
}

const imm = setImmediate(() => {
  clearImmediate(imm);
  setTimeout(() => {
    clearTimeout(t);      // already fired
    clearImmediate(imm);  // already ran
    fired++;
  }, 1);
});

process.on('exit', () => {
  assert.strictEqual(fired, 2);
  console.log('ok');
});
