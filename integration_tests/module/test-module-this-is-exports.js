'use strict';
// At module top level `this` is module.exports (and exports), also in strict
// mode. Inside a plain function called without receiver it is undefined.
const assert = require('node:assert');

assert.strictEqual(this, module.exports);
assert.strictEqual(this, exports);
assert.strictEqual(require('./fixtures/module-info').thisIsExports, true);

(function() {
  assert.strictEqual(this, undefined);
})();

// The wrapper's arguments: exports, require, module, __filename, __dirname.
assert.strictEqual(arguments.length, 5);
assert.strictEqual(arguments[0], exports);
assert.strictEqual(arguments[1], require);
assert.strictEqual(arguments[2], module);
assert.strictEqual(arguments[3], __filename);
assert.strictEqual(arguments[4], __dirname);
console.log('ok');
