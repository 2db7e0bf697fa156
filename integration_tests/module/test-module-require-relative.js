'use strict';
// require() of relative .js (with and without extension), .json, a directory
// with index.js, a directory with package.json "main", and an absolute path.
const assert = require('node:assert');

const withExt = require('./fixtures/exports-object.js');
const withoutExt = require('./fixtures/exports-object');
assert.strictEqual(withExt, withoutExt);
assert.strictEqual(withExt.a, 1);
assert.strictEqual(withExt.b, 2);
assert.strictEqual(withExt.fn(), 'fn');

// .json files are parsed into plain data.
const data = require('./fixtures/data.json');
assert.deepStrictEqual(data, {
  name: 'data',
  list: [1, 2, 3],
  nested: { ok: true, nothing: null },
});
// JSON is also found without the extension.
assert.strictEqual(require('./fixtures/data'), data);

// A directory resolves to its index.js ...
const dir = require('./fixtures/dir-with-index');
assert.strictEqual(dir.name, 'dir-with-index');
assert.strictEqual(dir.filename, __dirname + '/fixtures/dir-with-index/index.js');
assert.strictEqual(require('./fixtures/dir-with-index/'), dir);
assert.strictEqual(require('./fixtures/dir-with-index/index'), dir);
// ... or to package.json "main".
assert.deepStrictEqual(require('./fixtures/dir-with-package'),
                       { name: 'dir-with-package entry' });

// Paths with redundant segments resolve to the same module.
assert.strictEqual(require('./fixtures/../fixtures/./exports-object'), withExt);
assert.strictEqual(require('../module/fixtures/exports-object.js'), withExt);

// Absolute paths work too and hit the same cache entry.
const abs = __dirname + '/fixtures/exports-object.js';
assert.strictEqual(abs[0], '/');
assert.strictEqual(require(abs), withExt);
assert.strictEqual(require(__dirname + '/fixtures/dir-with-index'), dir);

// require.resolve gives the absolute filename.
assert.strictEqual(require.resolve('./fixtures/exports-object'), abs);
assert.strictEqual(require.resolve('./fixtures/dir-with-package'),
                   __dirname + '/fixtures/dir-with-package/lib/entry.js');
console.log('ok');
