// require() of an ES module (Node 20.19+): its namespace; top-level await is an error.
const assert = require('node:assert');

const lib = require('./fixtures/lib.mjs');
assert.strictEqual(lib.answer, 42);
assert.strictEqual(lib.default, 'lib default');

assert.throws(() => require('./fixtures/tla.mjs'), { code: 'ERR_REQUIRE_ASYNC_MODULE' });
