'use strict';
// Invalid URLs throw Node's ERR_INVALID_URL with the input (and base) attached.
const assert = require('assert');

const cases = [
  ['http://exa mple.com', undefined],
  ['http://[::1', undefined],
  ['http://1.2.3.256/', undefined],
  ['http://example.com:65536/', undefined],
  ['http://xn--a.com/', undefined],
  ['http://a\u0000b/', undefined],
  ['relative/path', undefined],
  ['x', 'also relative'],
  ['https://@/', undefined],
];
for (const [input, base] of cases) {
  assert.throws(() => new URL(input, base), (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.code, 'ERR_INVALID_URL');
    assert.strictEqual(err.message, 'Invalid URL');
    assert.strictEqual(err.input, input);
    assert.strictEqual(err.base, base);
    return true;
  });
  assert.strictEqual(URL.canParse(input, base), false);
}
assert.throws(() => new URL(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => new URL(Symbol('s')), TypeError);
