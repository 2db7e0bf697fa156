'use strict';
// DOMException: names map to legacy codes, options object with cause, brand-checked getters.
const assert = require('assert');

const e = new DOMException('boom', 'DataCloneError');
assert.strictEqual(e.name, 'DataCloneError');
assert.strictEqual(e.message, 'boom');
assert.strictEqual(e.code, 25);
assert.ok(e instanceof Error);
assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
assert.match(e.stack, /^DataCloneError: boom\n/);

const d = new DOMException();
assert.strictEqual(d.name, 'Error');
assert.strictEqual(d.message, '');
assert.strictEqual(d.code, 0);
assert.strictEqual(new DOMException('x', 'Custom').code, 0);
assert.strictEqual(new DOMException('x', 'ValidationError').code, 0);

const withCause = new DOMException('m', { name: 'AbortError', cause: 42 });
assert.strictEqual(withCause.code, 20);
assert.strictEqual(withCause.cause, 42);
assert.strictEqual(DOMException.ABORT_ERR, 20);
assert.strictEqual(DOMException.prototype.TIMEOUT_ERR, 23);

assert.throws(() => DOMException.prototype.name, {
  name: 'TypeError', code: 'ERR_INVALID_THIS',
});
