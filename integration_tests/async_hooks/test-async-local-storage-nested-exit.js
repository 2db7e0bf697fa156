'use strict';
// Nested run() shadows and restores; exit() hides the store for its callback and what it
// schedules; two instances are independent; run() returns the callback's value.
const assert = require('assert');
const { AsyncLocalStorage } = require('async_hooks');

const a = new AsyncLocalStorage();
const b = new AsyncLocalStorage();

const result = a.run(1, (x, y) => {
  assert.strictEqual(a.getStore(), 1);
  b.run('b', () => {
    a.run(2, () => {
      assert.strictEqual(a.getStore(), 2);
      assert.strictEqual(b.getStore(), 'b');
      setTimeout(() => assert.strictEqual(a.getStore(), 2), 1);
    });
    assert.strictEqual(a.getStore(), 1);
    a.exit(() => {
      assert.strictEqual(a.getStore(), undefined);
      assert.strictEqual(b.getStore(), 'b');
      setImmediate(() => {
        assert.strictEqual(a.getStore(), undefined);
        assert.strictEqual(b.getStore(), 'b');
      });
    });
    assert.strictEqual(a.getStore(), 1);
  });
  assert.strictEqual(b.getStore(), undefined);
  return x + y;
}, 3, 4);
assert.strictEqual(result, 7);
assert.strictEqual(a.getStore(), undefined);

assert.throws(() => a.run(5, () => { throw new Error('boom'); }), /boom/);
assert.strictEqual(a.getStore(), undefined);

// disable() makes getStore() undefined until the next run().
a.run(6, () => {
  a.disable();
  assert.strictEqual(a.getStore(), undefined);
});
a.run(7, () => assert.strictEqual(a.getStore(), 7));
console.log('ok');
