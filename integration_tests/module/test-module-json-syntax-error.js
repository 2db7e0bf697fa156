'use strict';
// A syntax error in a required .json file throws a SyntaxError whose message
// starts with the absolute file path.
const assert = require('node:assert');

const file = __dirname + '/fixtures/bad-json/broken.json';
let caught = null;
try {
  require('./fixtures/bad-json/broken.json');
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof SyntaxError, String(caught));
assert.ok(caught.message.startsWith(file + ': '), caught.message);
// The rest is V8's JSON.parse message, whose wording differs between V8 versions.
assert.ok(caught.message.includes('JSON'), caught.message);
assert.strictEqual(caught.code, undefined);
assert.strictEqual(require.cache[file], undefined);

// Still broken the second time (not cached as a partial result).
assert.throws(() => require('./fixtures/bad-json/broken.json'), SyntaxError);
console.log('ok');
