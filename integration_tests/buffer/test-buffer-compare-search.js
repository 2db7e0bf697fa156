'use strict';
// compare/equals and indexOf/lastIndexOf/includes with offsets and encodings.
const assert = require('assert');

const a = Buffer.from('abc');
assert.strictEqual(Buffer.compare(a, Buffer.from('abd')), -1);
assert.strictEqual(Buffer.compare(a, Buffer.from('ab')), 1);
assert.strictEqual(a.compare(Buffer.from('xbcx'), 1, 3, 1), 0);
assert.strictEqual(a.compare(Buffer.from('xbcx'), 1, 3), -1);
assert.strictEqual(a.compare(Buffer.from('bc'), 0, 2, 1), 0);
assert.ok(a.equals(Buffer.from('abc')));
assert.ok(!a.equals(Buffer.from('abcd')));
assert.deepStrictEqual([Buffer.from('b'), Buffer.from('a')].sort(Buffer.compare),
                       [Buffer.from('a'), Buffer.from('b')]);
assert.throws(() => a.compare('abc'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => a.compare(a, -1), { code: 'ERR_OUT_OF_RANGE' });

const b = Buffer.from('abcabc€');
assert.strictEqual(b.indexOf('c'), 2);
assert.strictEqual(b.indexOf('c', 3), 5);
assert.strictEqual(b.indexOf('c', -2), -1);
assert.strictEqual(b.lastIndexOf('abc'), 3);
assert.strictEqual(b.lastIndexOf('abc', 2), 0);
assert.strictEqual(b.lastIndexOf('abc', -7), 0);
assert.strictEqual(b.lastIndexOf('abc', -6), 3);
assert.strictEqual(b.indexOf(0x62), 1);
assert.strictEqual(b.indexOf(0x162), 1);  // Numbers match their low byte.
assert.strictEqual(b.indexOf('€'), 6);
assert.strictEqual(b.indexOf('e282ac', 'hex'), 6);
assert.strictEqual(b.indexOf(Buffer.from('ca')), 2);
assert.strictEqual(b.indexOf(''), 0);
assert.strictEqual(b.indexOf('', 100), b.length);
assert.ok(b.includes('bca'));
assert.ok(!b.includes('bca', 3));
// UTF-16 searches only match at even byte offsets.
const u = Buffer.from('\u0061\u0062abc', 'ucs2');
assert.strictEqual(u.indexOf('b', 0, 'ucs2'), 2);
assert.strictEqual(Buffer.from([0, 0x61, 0]).indexOf('a', 'ucs2'), -1);
assert.throws(() => b.indexOf({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => b.indexOf('a', 0, 'nope'), { code: 'ERR_UNKNOWN_ENCODING' });
