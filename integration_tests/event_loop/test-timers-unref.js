'use strict';
// An unref'd timer does not keep the process alive: the process exits and the
// callback never runs. unref() returns the timer itself, and hasRef() reports
// the state. Unref'd immediates behave the same way.
const assert = require('node:assert');

let timerRan = false;
const t = setTimeout(() => { timerRan = true; }, 1000);
assert.strictEqual(t.hasRef(), true);
assert.strictEqual(t.unref(), t);
assert.strictEqual(t.hasRef(), false);

let intervalRan = false;
setInterval(() => { intervalRan = true; }, 2000).unref();

let immediateRan = false;
const imm = setImmediate(() => { immediateRan = true; });
assert.strictEqual(imm.hasRef(), true);
assert.strictEqual(imm.unref(), imm);
assert.strictEqual(imm.hasRef(), false);

const start = Date.now();
process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(timerRan, false);
  assert.strictEqual(intervalRan, false);
  assert.strictEqual(immediateRan, false);
  assert.ok(Date.now() - start < 900, 'process waited for an unref\'d timer');
  console.log('ok');
});
