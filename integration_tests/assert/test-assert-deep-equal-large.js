'use strict';
// deepStrictEqual on large typed arrays, buffers and arrays compares contents without
// listing every index key, and still sees extra (non-index) properties.
const assert = require('assert');

const a = new Uint8Array(8 * 1024 * 1024);
const b = new Uint8Array(8 * 1024 * 1024);
const start = Date.now();
assert.deepStrictEqual(a, b);
assert.deepStrictEqual(a.buffer, b.buffer);
assert.deepStrictEqual(new Array(1e6).fill(1), new Array(1e6).fill(1));
assert.ok(Date.now() - start < 10000);

// Mismatches (on smaller views: the failure message is costly to build, in Node too).
const m = new Uint8Array(4096);
const n = new Uint8Array(4096);
n[3000] = 1;
assert.throws(() => assert.deepStrictEqual(m, n), { code: 'ERR_ASSERTION' });
assert.throws(() => assert.deepStrictEqual(m.buffer, n.buffer), { code: 'ERR_ASSERTION' });
assert.throws(() => assert.deepStrictEqual(m, new Uint8Array(4097)), { code: 'ERR_ASSERTION' });

const c = new Float64Array(4);
const d = new Float64Array(4);
c.extra = 1;
assert.throws(() => assert.deepStrictEqual(c, d), { code: 'ERR_ASSERTION' });
d.extra = 1;
assert.deepStrictEqual(c, d);

const e = [1, 2];
e[Symbol.for('s')] = 1;
assert.deepEqual(e, [1, 2]);
assert.throws(() => assert.deepStrictEqual(e, [1, 2]), { code: 'ERR_ASSERTION' });
assert.notDeepStrictEqual([1, , 3], [1, undefined, 3]); // eslint-disable-line no-sparse-arrays
