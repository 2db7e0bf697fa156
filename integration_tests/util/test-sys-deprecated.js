'use strict';
// node:sys is node:util under its old name; loading it warns once (DEP0025).
const assert = require('assert');

const warnings = [];
process.on('warning', (warning) => warnings.push(warning));

const sys = require('sys');
assert.strictEqual(sys, require('util'));
assert.strictEqual(require('node:sys'), sys);

setImmediate(() => {
  assert.strictEqual(warnings.length, 1);
  assert.strictEqual(warnings[0].name, 'DeprecationWarning');
  assert.strictEqual(warnings[0].code, 'DEP0025');
  assert.strictEqual(warnings[0].message, 'sys is deprecated. Use util instead.');
  console.log('ok');
});
