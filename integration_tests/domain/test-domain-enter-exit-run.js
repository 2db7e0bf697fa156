'use strict';
// node:domain: entering and leaving domains, the stack, bind() and intercept().
const assert = require('assert');
const domain = require('domain');

assert.strictEqual(process.domain, null);
assert.strictEqual(domain.active, null);

const outer = domain.create();
const inner = new domain.Domain();
assert.ok(outer instanceof require('events'));
assert.deepStrictEqual(outer.members, []);

const result = outer.run(function(a, b) {
  assert.strictEqual(this, outer);
  assert.strictEqual(process.domain, outer);
  assert.strictEqual(domain.active, outer);
  inner.run(() => {
    assert.strictEqual(process.domain, inner);
    assert.deepStrictEqual(domain._stack, [outer, inner]);
  });
  assert.strictEqual(process.domain, outer);
  return a + b;
}, 1, 2);
assert.strictEqual(result, 3);
assert.strictEqual(domain._stack.length, 0);
assert.strictEqual(process.domain, undefined);

// exit() leaves the domain and every domain entered after it.
outer.enter();
inner.enter();
outer.exit();
assert.strictEqual(domain._stack.length, 0);
inner.exit();  // Not on the stack any more: nothing happens.

// bind() runs the function inside the domain whatever is active at call time.
const bound = outer.bind(function(x) {
  assert.strictEqual(process.domain, outer);
  return x * 2;
});
assert.strictEqual(bound.domain, outer);
assert.strictEqual(inner.run(() => bound(21)), 42);

// intercept() sends an error first argument to the domain instead of the callback.
const errors = [];
outer.on('error', (err) => errors.push(err));
const intercepted = outer.intercept((a, b) => {
  assert.strictEqual(process.domain, outer);
  return [a, b];
});
assert.deepStrictEqual(intercepted(null, 'a', 'b'), ['a', 'b']);
const failure = new Error('from callback');
assert.strictEqual(intercepted(failure, 'ignored'), undefined);
assert.deepStrictEqual(errors, [failure]);
assert.strictEqual(failure.domain, outer);
assert.strictEqual(failure.domainThrown, false);
assert.strictEqual(typeof failure.domainBound, 'function');
console.log('ok');
