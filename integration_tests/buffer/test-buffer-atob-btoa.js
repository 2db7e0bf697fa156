'use strict';
// atob/btoa follow forgiving-base64 and throw InvalidCharacterError DOMExceptions.
const assert = require('assert');

assert.strictEqual(btoa('hi'), 'aGk=');
assert.strictEqual(btoa(null), 'bnVsbA==');
assert.strictEqual(atob(' YW Jj\n'), 'abc');
assert.strictEqual(atob('YQ'), 'a');
assert.strictEqual(atob('/w=='), '\xff');
const invalid = { name: 'InvalidCharacterError', message: 'Invalid character', code: 5 };
assert.throws(() => btoa('\u0100'), invalid);
assert.throws(() => atob('YQ='), invalid);
assert.throws(() => atob('a=b='), invalid);
assert.throws(() => atob('YQ$'), invalid);
assert.throws(() => atob('-_'), invalid);
assert.throws(() => atob('a'), {
  name: 'InvalidCharacterError',
  message: 'The string to be decoded is not correctly encoded.',
});
assert.throws(() => atob(undefined), { name: 'InvalidCharacterError' });
assert.throws(() => atob(), { code: 'ERR_MISSING_ARGS', message: 'The "input" argument must be specified' });
assert.throws(() => btoa(), { code: 'ERR_MISSING_ARGS' });
try {
  atob('a');
} catch (err) {
  assert.ok(err instanceof DOMException);
  assert.ok(err instanceof Error);
}
