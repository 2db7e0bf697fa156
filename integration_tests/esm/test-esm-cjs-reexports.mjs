// Named imports from CommonJS follow reexports found without running the module:
// `module.exports = require('./x')` (express's entry), TypeScript's
// `__exportStar(require('./x'), exports)` (with a cycle and a missing file), and
// `...require('./x')` in an object literal.
import assert from 'node:assert';
import create, { Router, json } from './fixtures/cjs-reexports/node_modules/pkg/index.js';
import * as star from './fixtures/cjs-reexports/star.js';
import { fromA, local } from './fixtures/cjs-reexports/spread.js';

assert.strictEqual(create(), 'created');
assert.strictEqual(typeof Router, 'function');
assert.strictEqual(json(), 'json');
assert.deepStrictEqual(Object.keys(star).sort(),
  ['__esModule', 'cycle', 'default', 'fromA', 'own']);
assert.strictEqual(star.fromA, 'a');
assert.strictEqual(fromA, 'a');
assert.strictEqual(local, true);

// Through a bare specifier, as `import { Router } from 'express'` is written.
const { createRequire } = await import('node:module');
const require = createRequire(new URL('./fixtures/cjs-reexports/x.js', import.meta.url));
const viaPackage = await import(require.resolve('pkg'));
assert.strictEqual(viaPackage.Router, Router);
