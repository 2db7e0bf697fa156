'use strict';
// Extra arguments are passed to the callback; `this` inside a timer callback
// is the Timeout object (the Immediate object for setImmediate).
const assert = require('node:assert');

let calls = 0;

const t = setTimeout(function(...args) {
  calls++;
  assert.deepStrictEqual(args, ['a', 1, null, undefined]);
  assert.strictEqual(this, t);
  assert.strictEqual(this.constructor.name, 'Timeout');
}, 1, 'a', 1, null, undefined);

const obj = { k: 'v' };
const t2 = setTimeout(function() {
  calls++;
  assert.strictEqual(arguments.length, 0);
  assert.strictEqual(this, t2);
}, 1);

const imm = setImmediate(function(x, y) {
  calls++;
  assert.strictEqual(x, obj);
  assert.strictEqual(y, 2);
  assert.strictEqual(this, imm);
  assert.strictEqual(this.constructor.name, 'Immediate');
}, obj, 2);

// Arrow functions keep their lexical `this` (module.exports at top level).
const self = this;
setTimeout(() => {
  calls++;
  assert.strictEqual(this, self);
}, 1);

// A non-function callback throws synchronously.
assert.throws(() => setTimeout('code', 1), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => setImmediate(null), { code: 'ERR_INVALID_ARG_TYPE' });

process.on('exit', () => {
  assert.strictEqual(calls, 4);
  console.log('ok');
});
