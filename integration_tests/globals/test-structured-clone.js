'use strict';
// structuredClone copies graphs (cycles, Map, Set, Date, RegExp, typed arrays) and throws
// a DataCloneError DOMException for functions.
const assert = require('assert');

const o = {
  a: [1, { b: new Map([[1, new Set([2])]]) }],
  d: new Date(0),
  r: /x/g,
  u: new Uint8Array([1, 2]),
  big: 10n,
  err: new RangeError('bad'),
};
o.self = o;
const c = structuredClone(o);
assert.notStrictEqual(c, o);
assert.strictEqual(c.self, c);
assert.ok(c.a[1].b.get(1).has(2));
assert.strictEqual(c.d.getTime(), 0);
assert.strictEqual(c.r.flags, 'g');
assert.deepStrictEqual([...c.u], [1, 2]);
assert.strictEqual(c.big, 10n);
assert.ok(c.err instanceof RangeError);
assert.strictEqual(c.err.message, 'bad');

assert.throws(() => structuredClone(() => {}), (err) => {
  assert.ok(err instanceof DOMException);
  assert.strictEqual(err.name, 'DataCloneError');
  assert.strictEqual(err.code, 25);
  assert.strictEqual(err.message, '() => {} could not be cloned.');
  return true;
});
assert.throws(() => structuredClone(), { name: 'TypeError', code: 'ERR_MISSING_ARGS' });
assert.throws(() => structuredClone(1, 5), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(structuredClone(undefined), undefined);
assert.strictEqual(Object.getOwnPropertyDescriptor(globalThis, 'structuredClone').enumerable, true);
