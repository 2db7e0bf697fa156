'use strict';
// The "Cycles" example from the Node.js docs: when b.js requires a.js while
// a.js is still loading, it gets a.js's partially filled exports.
const assert = require('node:assert');

const lines = [];
const realLog = console.log;
console.log = (fmt, ...args) => {
  // The fixtures only use %j with booleans.
  let i = 0;
  lines.push(String(fmt).replace(/%j/g, () => JSON.stringify(args[i++])));
};
try {
  require('./fixtures/cycle/main.js');
} finally {
  console.log = realLog;
}

assert.deepStrictEqual(lines, [
  'main starting',
  'a starting',
  'b starting',
  'in b, a.done = false',
  'b done',
  'in a, b.done = true',
  'a done',
  'in main, a.done = true, b.done = true',
]);

const a = require('./fixtures/cycle/a.js');
const b = require('./fixtures/cycle/b.js');
assert.deepStrictEqual(a, { done: true });
assert.deepStrictEqual(b, { done: true });
console.log('ok');
