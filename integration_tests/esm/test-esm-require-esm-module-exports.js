'use strict';
// require() of an ES module that exports the string name 'module.exports' returns that
// value instead of the namespace (Node 20.19+), also through a package whose "exports"
// picks the ES module with the "module-sync" condition (as generator-function does for
// koa's is-generator-function).
const assert = require('node:assert');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'require-module-exports');

const value = require(path.join(dir, 'value.mjs'));
assert.strictEqual(typeof value, 'function');
assert.strictEqual(value(), 42);

const plain = require(path.join(dir, 'plain.mjs'));
assert.strictEqual(plain.plain, true);
assert.strictEqual(Object.prototype.toString.call(plain), '[object Module]');

const { createRequire } = require('node:module');
const requireFromDir = createRequire(path.join(dir, 'x.js'));
assert.strictEqual(path.basename(requireFromDir.resolve('sync-pkg')), 'require.mjs');
const fromPackage = requireFromDir('sync-pkg');
assert.strictEqual(typeof fromPackage, 'function');
assert.strictEqual(fromPackage(), 'cjs');
