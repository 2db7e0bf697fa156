'use strict';
// module.id, module.loaded, module.parent, module.children, require.main.
const assert = require('node:assert');

// The entry module.
assert.strictEqual(require.main, module);
assert.strictEqual(module.id, '.');
assert.strictEqual(module.filename, __filename);
assert.strictEqual(module.loaded, false);  // still evaluating
assert.strictEqual(module.parent, null);
assert.ok(Array.isArray(module.children));
assert.ok(Array.isArray(module.paths));
assert.strictEqual(typeof module.require, 'function');

const childrenBefore = module.children.length;
const info = require('./fixtures/module-info');
const child = info.self;

// Inside the child while it was evaluating.
assert.strictEqual(info.id, __dirname + '/fixtures/module-info.js');
assert.strictEqual(info.loadedDuringEval, false);
assert.strictEqual(info.isMain, false);
assert.strictEqual(info.parent, module);

// After loading.
assert.strictEqual(child.loaded, true);
assert.strictEqual(child.id, child.filename);
assert.strictEqual(child.exports, info);
assert.strictEqual(module.children.length, childrenBefore + 1);
assert.strictEqual(module.children[module.children.length - 1], child);

// Requiring a cached module again does not add another child entry.
require('./fixtures/module-info');
assert.strictEqual(module.children.length, childrenBefore + 1);

// module.require resolves relative to the module.
assert.strictEqual(module.require('./fixtures/module-info'), info);

setImmediate(() => {
  assert.strictEqual(module.loaded, true);
  console.log('ok');
});
