'use strict';
// buf.write(): argument shuffling, limits, no split characters, range errors.
const assert = require('assert');

const buf = Buffer.alloc(10);
assert.strictEqual(buf.write('aé€😀'), 10);
assert.strictEqual(buf.write('aé€😀', 6), 3);  // '€' would not fit whole.
assert.strictEqual(buf.write('abcdef', 3, 'ucs2'), 6);
assert.strictEqual(buf.write('abcdef', 1, 2, 'latin1'), 2);
assert.strictEqual(buf.write('xy', 'latin1'), 2);
assert.strictEqual(buf.toString('latin1', 0, 3), 'xyb');
assert.strictEqual(buf.write(''), 0);
assert.strictEqual(buf.write('abc', 10), 0);

assert.throws(() => buf.write('a', 11), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "offset" is out of range. It must be >= 0 && <= 10. Received 11',
});
assert.throws(() => buf.write('a', -1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => buf.write('a', 1.5), {
  message: 'The value of "offset" is out of range. It must be an integer. Received 1.5',
});
assert.throws(() => buf.write('a', 0, 11), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => buf.write('a', 'bogus'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_ENCODING', message: 'Unknown encoding: bogus',
});
assert.throws(() => buf.write(5), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
