'use strict';
// In a package whose "type" is "module", only ".js" files are ES modules: a ".cjs"
// file and an extensionless one are CommonJS for require() and as the entry point.
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const dir = path.join(__dirname, 'fixtures', 'type-module-cjs');

assert.deepStrictEqual(require(path.join(dir, 'lib.cjs')), { kind: 'cjs', base: 'lib.cjs' });
assert.deepStrictEqual(require(path.join(dir, 'no-extension')), { kind: 'function', self: true });

// A ".js" file in the same package is still an ES module.
assert.strictEqual(require(path.join(dir, 'esm.js')).kind, 'esm');

const out = execFileSync(process.execPath, [path.join(dir, 'main.cjs')], { encoding: 'utf8' });
assert.strictEqual(out, '{"kind":"cjs","base":"lib.cjs"}\n');
