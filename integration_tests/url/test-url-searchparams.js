'use strict';
// URLSearchParams: constructors, methods, serialization and the link to its URL.
const assert = require('assert');

const p = new URLSearchParams('?a=1&b=2+3&a=%zz&c=%E2%82%AC&&d');
assert.deepStrictEqual([...p], [['a', '1'], ['b', '2 3'], ['a', '%zz'], ['c', '€'], ['d', '']]);
assert.strictEqual(p.size, 5);
assert.strictEqual(p.get('a'), '1');
assert.deepStrictEqual(p.getAll('a'), ['1', '%zz']);
assert.strictEqual(p.get('nope'), null);
assert.strictEqual(p.has('a', '%zz'), true);
assert.strictEqual(p.has('a', 'x'), false);
p.delete('a', '1');
assert.deepStrictEqual(p.getAll('a'), ['%zz']);
p.set('b', 'x');
p.append('e', "!'()~*-._ é");
assert.strictEqual(p.toString(), 'b=x&a=%25zz&c=%E2%82%AC&d=&e=%21%27%28%29%7E*-._+%C3%A9');
p.sort();
assert.deepStrictEqual([...p.keys()], ['a', 'b', 'c', 'd', 'e']);

assert.strictEqual(new URLSearchParams([['x', 1], ['y', 2]]).toString(), 'x=1&y=2');
assert.strictEqual(new URLSearchParams({ x: 'a', y: 'b' }).toString(), 'x=a&y=b');
assert.strictEqual(new URLSearchParams(new Map([['m', 'n']])).toString(), 'm=n');
assert.strictEqual(new URLSearchParams(p).toString(), p.toString());
assert.strictEqual(new URLSearchParams({ '\ud800': '\udc00' }).toString(), '%EF%BF%BD=%EF%BF%BD');
assert.throws(() => new URLSearchParams([['x']]),
              { code: 'ERR_INVALID_TUPLE', message: 'Each query pair must be an iterable [name, value] tuple' });
assert.throws(() => new URLSearchParams({ [Symbol.iterator]: 1 }),
              { code: 'ERR_ARG_NOT_ITERABLE', message: 'Query pairs must be iterable' });
assert.throws(() => p.append('x'), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => p.forEach(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => URLSearchParams.prototype.get.call({}, 'x'), { code: 'ERR_INVALID_THIS' });

const seen = [];
new URLSearchParams('a=1&b=2').forEach(function(value, key, params) {
  seen.push([key, value, this, params instanceof URLSearchParams]);
}, 'this');
assert.deepStrictEqual(seen, [['a', '1', 'this', true], ['b', '2', 'this', true]]);

// A URL and its searchParams stay in sync both ways.
const url = new URL('https://h/?q=1#f');
const sp = url.searchParams;
assert.strictEqual(url.searchParams, sp);
sp.append('r', 'a b');
assert.strictEqual(url.href, 'https://h/?q=1&r=a+b#f');
url.search = '?z=9';
assert.deepStrictEqual([...sp], [['z', '9']]);
sp.delete('z');
assert.strictEqual(url.href, 'https://h/#f');
const it = new URLSearchParams('a=b').entries();
assert.strictEqual(Object.prototype.toString.call(it), '[object URLSearchParams Iterator]');
assert.deepStrictEqual(it.next(), { value: ['a', 'b'], done: false });
assert.deepStrictEqual(it.next(), { value: undefined, done: true });
