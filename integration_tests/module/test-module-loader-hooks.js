'use strict';
// CommonJS loader details that programs and test harnesses rely on: require.cache entries
// for builtins, Module._resolveLookupPaths without a parent, a patched Module.wrapper,
// accessors on Object.prototype, and import() of a CommonJS module exporting a primitive.
const assert = require('assert');
const path = require('path');
const Module = require('module');
const fs = require('fs');

// require.cache can replace a builtin named without its scheme, never a node: one.
{
  const fake = {};
  require.cache.fs = { exports: fake };
  assert.strictEqual(require('fs'), fake);
  assert.strictEqual(require('node:fs'), fs);
  delete require.cache.fs;
  assert.strictEqual(require('fs'), fs);
}

// A relative request with no parent resolves from '.'; a bare one does not.
assert.deepStrictEqual(Module._resolveLookupPaths('./x'), ['.']);
assert.deepStrictEqual(Module._resolveLookupPaths('../x', null), ['.']);
assert.notStrictEqual(Module._resolveLookupPaths('x')[0], '.');

// Module.wrap and Module.wrapper; a replaced wrapper is used for later modules.
assert.strictEqual(Module.wrap('x'), Module.wrapper[0] + 'x' + Module.wrapper[1]);
{
  const original = Module.wrapper;
  globalThis.wrapperRuns = 0;
  Module.wrapper = [original[0] + 'globalThis.wrapperRuns++;', original[1]];
  assert.strictEqual(require('./fixtures/wrapper-counter.js'), 'wrapped');
  assert.strictEqual(globalThis.wrapperRuns, 1);
  Module.wrapper = original;
  delete globalThis.wrapperRuns;
}

// Accessors on Object.prototype never run while modules load.
{
  const names = ['exports', 'main', 'name', 'type', 'imports'];
  for (const name of names) {
    Object.defineProperty(Object.prototype, name, {
      get() { throw new Error(`get ${name}`); },
      set() { throw new Error(`set ${name}`); },
      configurable: true,
    });
  }
  try {
    assert.strictEqual(require('./fixtures/primitive-exports'), 'a string export');
  } finally {
    for (const name of names) delete Object.prototype[name];
  }
}

// import() of a CommonJS module already loaded with a primitive module.exports: only
// the default export.
const url = require('url').pathToFileURL(
  path.join(__dirname, 'fixtures', 'primitive-exports', 'index.js')).href;
import(url).then((namespace) => {
  assert.deepStrictEqual(Object.keys(namespace), ['default']);
  assert.strictEqual(namespace.default, 'a string export');
  globalThis.importDone = true;
});
process.on('exit', () => assert.strictEqual(globalThis.importDone, true));
