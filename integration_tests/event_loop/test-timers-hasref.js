'use strict';
// hasRef() on timeouts, intervals and immediates, including after they fired
// or were cleared.
const assert = require('node:assert');

const t = setTimeout(() => {
  // While the callback of a non-repeating timer runs it is still "ref'd".
  assert.strictEqual(typeof t.hasRef(), 'boolean');
}, 1);
assert.strictEqual(t.hasRef(), true);
t.unref();
assert.strictEqual(t.hasRef(), false);
t.ref();
assert.strictEqual(t.hasRef(), true);
// Calling ref()/unref() twice is idempotent.
t.ref();
assert.strictEqual(t.hasRef(), true);
t.unref();
t.unref();
assert.strictEqual(t.hasRef(), false);
t.ref();

const i = setInterval(() => {}, 1000);
assert.strictEqual(i.hasRef(), true);
clearInterval(i);

const imm = setImmediate(() => {});
assert.strictEqual(imm.hasRef(), true);
clearImmediate(imm);
assert.strictEqual(imm.hasRef(), false);

assert.strictEqual(typeof t.hasRef, 'function');
assert.strictEqual(typeof t.refresh, 'function');
assert.strictEqual(typeof t[Symbol.toPrimitive], 'function');
assert.strictEqual(typeof +t, 'number');
console.log('ok');
