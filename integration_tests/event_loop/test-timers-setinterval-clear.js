'use strict';
// setInterval repeats until clearInterval; clearing from inside the callback
// stops further runs. The same Timeout object is passed as `this` each time.
const assert = require('node:assert');

let count = 0;
let self = null;
const interval = setInterval(function(a, b) {
  count++;
  assert.strictEqual(a, 'x');
  assert.strictEqual(b, 42);
  assert.strictEqual(this, interval);
  if (self === null) self = this;
  assert.strictEqual(this, self);
  if (count === 5) clearInterval(interval);
  assert.ok(count <= 5, 'interval ran after clearInterval');
}, 1, 'x', 42);

// clearTimeout also clears intervals, and vice versa.
let other = 0;
const i2 = setInterval(() => {
  if (++other === 3) clearTimeout(i2);
}, 1);
let t3ran = false;
const t3 = setTimeout(() => { t3ran = true; }, 1);
clearInterval(t3);

process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(count, 5);
  assert.strictEqual(other, 3);
  assert.strictEqual(t3ran, false);
  console.log('ok');
});
