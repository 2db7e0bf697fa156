'use strict';
// node:test mock: mock.fn, mock.method, getter/setter, restore, reset and restoreAll.
const assert = require('assert');
const { mock } = require('node:test');

{
  const sum = mock.fn((a, b) => a + b);
  assert.strictEqual(sum(1, 2), 3);
  assert.strictEqual(sum.call('ctx', 3, 4), 7);
  assert.strictEqual(sum.mock.callCount(), 2);
  const [first, second] = sum.mock.calls;
  assert.deepStrictEqual(first.arguments, [1, 2]);
  assert.strictEqual(first.result, 3);
  assert.strictEqual(first.error, undefined);
  assert.strictEqual(first.target, undefined);
  assert.strictEqual(second.this, 'ctx');
  assert.ok(first.stack instanceof Error);
  assert.strictEqual(sum.length, 2);
  sum.mock.resetCalls();
  assert.strictEqual(sum.mock.callCount(), 0);
}

{
  const fn = mock.fn(() => 'original');
  fn.mock.mockImplementation(() => 'replaced');
  assert.strictEqual(fn(), 'replaced');
  fn.mock.mockImplementationOnce(() => 'once');
  assert.strictEqual(fn(), 'once');
  assert.strictEqual(fn(), 'replaced');
  fn.mock.mockImplementationOnce(() => 'at 4', 4);
  assert.strictEqual(fn(), 'replaced');
  assert.strictEqual(fn(), 'at 4');
  fn.mock.restore();
  assert.strictEqual(fn(), 'original');
  assert.throws(() => fn.mock.mockImplementation(1), { code: 'ERR_INVALID_ARG_TYPE' });
}

{
  const thrower = mock.fn(() => { throw new Error('boom'); });
  assert.throws(() => thrower(), /boom/);
  assert.strictEqual(thrower.mock.calls[0].error.message, 'boom');
  const noop = mock.fn();
  assert.strictEqual(noop(5), undefined);
  class Thing { constructor(x) { this.x = x; } }
  const Ctor = mock.fn(Thing);
  const thing = new Ctor(9);
  assert.strictEqual(thing.x, 9);
  assert.strictEqual(typeof Ctor.mock.calls[0].target, 'function');
  const limited = mock.fn(() => 'orig', () => 'mocked', { times: 2 });
  assert.deepStrictEqual([limited(), limited(), limited()], ['mocked', 'mocked', 'orig']);
}

{
  const obj = {
    prefix: 'v',
    value(x) { return `${this.prefix}${x}`; },
  };
  const spy = mock.method(obj, 'value');
  assert.strictEqual(obj.value(1), 'v1');
  assert.strictEqual(spy.mock.calls[0].this, obj);
  assert.strictEqual(obj.value.mock.callCount(), 1);
  spy.mock.restore();
  assert.strictEqual(obj.value.mock, undefined);
  mock.method(obj, 'value', () => 'stubbed');
  assert.strictEqual(obj.value(2), 'stubbed');
  mock.restoreAll();
  assert.strictEqual(obj.value(3), 'v3');
  assert.strictEqual(obj.value.mock, undefined);
  assert.throws(() => mock.method(obj, 'prefix'), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => mock.method(null, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
}

{
  const obj = {
    _v: 1,
    get v() { return this._v; },
    set v(x) { this._v = x; },
  };
  const getter = mock.getter(obj, 'v', () => 42);
  assert.strictEqual(obj.v, 42);
  assert.strictEqual(getter.mock.callCount(), 1);
  getter.mock.restore();
  assert.strictEqual(obj.v, 1);
  const setter = mock.setter(obj, 'v', function(x) { this._v = x * 2; });
  obj.v = 5;
  assert.strictEqual(obj._v, 10);
  assert.deepStrictEqual(setter.mock.calls[0].arguments, [5]);
  mock.reset();
  assert.strictEqual(obj.v, 10);
  obj.v = 3;
  assert.strictEqual(obj._v, 3);
}

{
  // Inherited methods are mocked on the object itself.
  class Base { hello() { return 'hi'; } }
  const inst = new Base();
  mock.method(inst, 'hello', () => 'mocked');
  assert.strictEqual(inst.hello(), 'mocked');
  assert.ok(Object.hasOwn(inst, 'hello'));
  mock.reset();
  assert.strictEqual(inst.hello(), 'hi');
}

{
  // t.mock is restored when the test ends.
  const test = require('node:test');
  const target = { f() { return 'real'; } };
  test('uses t.mock', (t) => {
    t.mock.method(target, 'f', () => 'fake');
    assert.strictEqual(target.f(), 'fake');
  }).then(() => {
    assert.strictEqual(target.f(), 'real');
  });
}
