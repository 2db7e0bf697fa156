// import.meta: url, filename, dirname and resolve.
import assert from 'node:assert';
import { createRequire } from 'node:module';

assert.ok(import.meta.url.startsWith('file:///'));
assert.ok(import.meta.url.endsWith('/test-esm-import-meta.mjs'));
assert.ok(import.meta.filename.endsWith('/test-esm-import-meta.mjs'));
assert.strictEqual(import.meta.dirname, import.meta.filename.slice(0, -'/test-esm-import-meta.mjs'.length));
assert.strictEqual(import.meta.resolve('./fixtures/lib.mjs'),
  import.meta.url.replace(/[^/]*$/, 'fixtures/lib.mjs'));
assert.strictEqual(import.meta.resolve('node:path'), 'node:path');

const require = createRequire(import.meta.url);
assert.strictEqual(require('./fixtures/cjs.js').named, 'from cjs');
assert.strictEqual(typeof require, 'function');
assert.strictEqual(typeof module, 'undefined', 'no CommonJS globals in ES modules');
