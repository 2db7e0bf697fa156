'use strict';
// __filename and __dirname are absolute, refer to the module file itself
// (not the requirer, not the cwd), and module.filename matches __filename.
const assert = require('node:assert');

assert.strictEqual(typeof __filename, 'string');
assert.strictEqual(__filename[0], '/');
assert.ok(__filename.endsWith('/integration_tests/module/test-module-filename-dirname.js'),
          __filename);
assert.strictEqual(__dirname[0], '/');
assert.strictEqual(__dirname + '/test-module-filename-dirname.js', __filename);
assert.strictEqual(module.filename, __filename);

const info = require('./fixtures/module-info');
assert.strictEqual(info.filename, __dirname + '/fixtures/module-info.js');
assert.strictEqual(info.dirname, __dirname + '/fixtures');
assert.strictEqual(info.moduleFilename, info.filename);

// Not affected by changing the working directory afterwards.
process.chdir('/');
assert.strictEqual(require('./fixtures/module-info'), info);
assert.strictEqual(require.resolve('./fixtures/module-info'), info.filename);
console.log('ok');
