'use strict';
// node:test is reachable only with the node: scheme, as in Node 20.
const assert = require('assert');
const Module = require('module');

const test = require('node:test');
assert.strictEqual(typeof test, 'function');
assert.strictEqual(test.test, test);
for (const name of ['describe', 'suite', 'it', 'before', 'after', 'beforeEach', 'afterEach']) {
  assert.strictEqual(typeof test[name], 'function', name);
}
assert.throws(() => require('test'), { code: 'MODULE_NOT_FOUND' });
assert.strictEqual(Module.isBuiltin('node:test'), true);
assert.strictEqual(Module.isBuiltin('test'), false);
assert.strictEqual(Module.builtinModules.includes('test'), false);
assert.strictEqual(require.resolve('node:test'), 'node:test');
import('node:test').then((ns) => {
  assert.strictEqual(ns.default, test);
  assert.strictEqual(ns.describe, test.describe);
});
