'use strict';
// `exports` starts as an alias of `module.exports`; assigning module.exports
// replaces what require() returns, reassigning `exports` does nothing.
const assert = require('node:assert');

assert.strictEqual(exports, module.exports);
assert.deepStrictEqual(Object.keys(module.exports), []);

const obj = require('./fixtures/exports-object');
assert.deepStrictEqual(Object.keys(obj), ['a', 'fn', 'b']);

const replaced = require('./fixtures/exports-replaced');
assert.strictEqual(typeof replaced, 'function');
assert.strictEqual(replaced(), 'replaced');
assert.strictEqual(replaced.lost, undefined);
assert.strictEqual(replaced.originalWasEmpty, true);

const alias = require('./fixtures/exports-reassigned-alias');
assert.deepStrictEqual(alias, { kept: true });
assert.strictEqual(alias.ignored, undefined);

// require() returns module.exports of the cached module object.
const abs = require.resolve('./fixtures/exports-replaced');
assert.strictEqual(require.cache[abs].exports, replaced);
console.log('ok');
