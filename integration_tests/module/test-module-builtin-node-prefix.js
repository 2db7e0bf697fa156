'use strict';
// Builtins are available with and without the node: prefix, and both give
// the same object.
const assert = require('node:assert');

assert.strictEqual(require('node:assert'), require('assert'));
assert.strictEqual(require('assert'), assert);
assert.strictEqual(typeof assert, 'function');
assert.strictEqual(typeof assert.strictEqual, 'function');
assert.strictEqual(assert.strict, require('node:assert/strict'));

// Builtins are not in require.cache.
assert.strictEqual(require.cache.assert, undefined);
assert.strictEqual(require.cache['node:assert'], undefined);

// require.resolve of a builtin returns the given name.
assert.strictEqual(require.resolve('assert'), 'assert');
assert.strictEqual(require.resolve('node:assert'), 'node:assert');

// An unknown node: builtin is an error with its own code.
assert.throws(() => require('node:no-such-builtin'), {
  code: 'ERR_UNKNOWN_BUILTIN_MODULE',
});
console.log('ok');
