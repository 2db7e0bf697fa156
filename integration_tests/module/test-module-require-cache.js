'use strict';
// require.cache is keyed by absolute filename; a second require() returns the
// cached exports without re-evaluating; deleting the entry reloads it.
const assert = require('node:assert');

const abs = __dirname + '/fixtures/counter/counter.js';
assert.strictEqual(require.cache[abs], undefined);

const first = require('./fixtures/counter/counter');
assert.strictEqual(first.loads, 1);
assert.strictEqual(require('./fixtures/counter/counter.js'), first);
assert.strictEqual(require(abs), first);
assert.strictEqual(globalThis.__counterLoads, 1);

const entry = require.cache[abs];
assert.strictEqual(typeof entry, 'object');
assert.strictEqual(entry.exports, first);
assert.strictEqual(entry.filename, abs);
assert.strictEqual(entry.id, abs);
assert.strictEqual(entry.loaded, true);
// The main module is in the cache too, under its own filename.
assert.strictEqual(require.cache[__filename], module);
// Keys are absolute paths.
for (const key of Object.keys(require.cache)) {
  assert.strictEqual(key[0], '/', key);
}

delete require.cache[abs];
const second = require('./fixtures/counter/counter');
assert.notStrictEqual(second, first);
assert.strictEqual(second.loads, 2);
assert.strictEqual(globalThis.__counterLoads, 2);
assert.strictEqual(require.cache[abs].exports, second);

// A module whose evaluation throws is removed from the cache, so requiring it
// again re-evaluates it.
const broken = __dirname + '/fixtures/throws-on-load.js';
assert.throws(() => require('./fixtures/throws-on-load'), /load failure/);
assert.strictEqual(require.cache[broken], undefined);
assert.throws(() => require('./fixtures/throws-on-load'), /load failure/);
assert.strictEqual(globalThis.__throwsOnLoadCount, 2);
console.log('ok');
