'use strict';
// querystring.parse/stringify: repeated keys, '+' as space, malformed escapes, maxKeys,
// custom separators and codecs.
const assert = require('assert');
const qs = require('querystring');

const parsed = qs.parse('a=1&b=x+y%21&a=2&c&=e&&%zz=%E2%82');
assert.strictEqual(Object.getPrototypeOf(parsed), null);
assert.deepStrictEqual({ ...parsed }, { a: ['1', '2'], b: 'x y!', c: '', '': 'e', '%zz': '\ufffd' });

assert.strictEqual(Object.keys(qs.parse('a&b&c', null, null, { maxKeys: 2 })).length, 2);
assert.strictEqual(Object.keys(qs.parse('a&b&c', null, null, { maxKeys: 0 })).length, 3);
assert.deepStrictEqual({ ...qs.parse('a:1;;b:2', ';;', ':') }, { a: '1', b: '2' });
assert.deepStrictEqual({ ...qs.parse('a=b', null, null, { decodeURIComponent: (s) => s.toUpperCase() }) },
                       { A: 'B' });

assert.strictEqual(qs.stringify({ a: [1, 'x y'], b: true, c: null, d: 1e21, e: 2n }),
                   'a=1&a=x%20y&b=true&c=&d=1e%2B21&e=2');
assert.strictEqual(qs.stringify({ a: 'b' }, ';', ':', { encodeURIComponent: (s) => `<${s}>` }),
                   '<a>:<b>');
assert.strictEqual(qs.stringify('not an object'), '');
assert.throws(() => qs.stringify({ a: '\ud800' }), { code: 'ERR_INVALID_URI', name: 'URIError' });

assert.strictEqual(qs.escape('é!*'), '%C3%A9!*');
assert.strictEqual(qs.unescape('%41%zz+'), 'A%zz+');
assert.strictEqual(qs.unescapeBuffer('%41+%', true).toString(), 'A %');
assert.strictEqual(qs.decode, qs.parse);
assert.strictEqual(qs.encode, qs.stringify);
