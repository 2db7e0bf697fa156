'use strict';
// inspect names prototype-less objects after the class that made them, shows getters of
// class prototypes (run against the instance) with showHidden, ignores user changes to
// Object.keys, and stays linear on deep, wide circular structures.
const assert = require('assert');
const util = require('util');

class Foo { toString() { return 'Bar'; } }
assert.strictEqual(util.format('%s', Object.setPrototypeOf(new Foo(), null)),
                   '[Foo: null prototype] {}');
assert.strictEqual(util.inspect(Object.create(null)), '[Object: null prototype] {}');

class X {
  constructor() { this._y = 123; }
  get y() { return this._y; }
}
assert.strictEqual(util.inspect(new X(), { getters: true, showHidden: true }),
                   'X { _y: 123, [y]: [Getter: 123] }');
assert.strictEqual(util.inspect(new X()), 'X { _y: 123 }');

let last = {};
const obj = last;
for (let i = 0; i < 1000; i++) {
  last.next = { circular: obj, last, obj: { a: 1, b: 2, c: true } };
  last = last.next;
  obj[i] = last;
}
const start = Date.now();
util.inspect(obj, { depth: Infinity });
assert.ok(Date.now() - start < 20000);

const keys = Object.keys;
Object.keys = () => { throw new Error('patched'); };
try {
  assert.strictEqual(util.inspect({ a: 1 }), '{ a: 1 }');
} finally {
  Object.keys = keys;
}
