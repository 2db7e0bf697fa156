'use strict';
// ref() after unref() makes the timer keep the process alive again.
// ref() returns the timer; hasRef() follows the state.
const assert = require('node:assert');

let ran = false;
const t = setTimeout(() => { ran = true; }, 20);
t.unref();
assert.strictEqual(t.hasRef(), false);
assert.strictEqual(t.ref(), t);
assert.strictEqual(t.hasRef(), true);

let immRan = false;
const imm = setImmediate(() => { immRan = true; });
imm.unref();
assert.strictEqual(imm.ref(), imm);
assert.strictEqual(imm.hasRef(), true);

// An unref'd timer still fires if something else keeps the loop alive long
// enough.
let unrefRan = false;
setTimeout(() => { unrefRan = true; }, 1).unref();

process.on('exit', () => {
  assert.strictEqual(ran, true);
  assert.strictEqual(immRan, true);
  assert.strictEqual(unrefRan, true);
  console.log('ok');
});
