'use strict';
// Requiring a missing relative file throws an Error with code
// MODULE_NOT_FOUND and a message naming the request and the requirer.
const assert = require('node:assert');

let caught = null;
try {
  require('./nope');
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof Error);
assert.strictEqual(caught.code, 'MODULE_NOT_FOUND');
assert.ok(caught.message.startsWith("Cannot find module './nope'\n"), caught.message);
assert.ok(caught.message.includes('Require stack:\n- ' + __filename), caught.message);
assert.deepStrictEqual(caught.requireStack, [__filename]);

// Same for absolute paths, directories without index, and bare names.
assert.throws(() => require(__dirname + '/fixtures/missing.js'), {
  code: 'MODULE_NOT_FOUND',
  message: /^Cannot find module '\/.*\/fixtures\/missing\.js'/,
});
assert.throws(() => require('./fixtures/bad-json'), {
  code: 'MODULE_NOT_FOUND',
  message: /^Cannot find module '\.\/fixtures\/bad-json'/,
});
assert.throws(() => require('some-package-that-does-not-exist'), {
  code: 'MODULE_NOT_FOUND',
  message: /^Cannot find module 'some-package-that-does-not-exist'/,
});
assert.throws(() => require.resolve('./nope'), { code: 'MODULE_NOT_FOUND' });

// A failed require does not leave anything behind in the cache.
for (const key of Object.keys(require.cache)) {
  assert.ok(!key.includes('nope'), key);
}
console.log('ok');
