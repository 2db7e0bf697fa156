'use strict';
// node:inspector and node:inspector/promises are builtins everywhere. A runtime without
// the inspector (process.features.inspector false: skua, or a Node built without it)
// throws ERR_INSPECTOR_NOT_AVAILABLE on every load; Node 20 as released loads them.
const assert = require('assert');
const { builtinModules } = require('module');

assert.ok(builtinModules.includes('inspector'));
assert.ok(builtinModules.includes('inspector/promises'));

for (const name of ['inspector', 'node:inspector', 'inspector/promises',
  'node:inspector/promises']) {
  if (process.features.inspector) {
    const inspector = require(name);
    assert.strictEqual(typeof inspector.Session, 'function');
    assert.strictEqual(typeof inspector.open, 'function');
  } else {
    for (let attempt = 0; attempt < 2; attempt++) {
      assert.throws(() => require(name), {
        name: 'Error',
        code: 'ERR_INSPECTOR_NOT_AVAILABLE',
        message: 'Inspector is not available',
      });
    }
  }
}
console.log('ok');
