'use strict';
// DEP0005 (Buffer() constructor) is not emitted when the calling code lives under a
// node_modules folder, whichever path separator its file name uses.
const assert = require('assert');
const { spawnSync } = require('child_process');

function warns(callSite) {
  const code = `vm.runInNewContext('new Buffer(4)', { Buffer }, ` +
    `{ filename: ${JSON.stringify(callSite)} })`;
  const { stderr, status } = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  assert.strictEqual(status, 0, stderr);
  return stderr.includes('[DEP0005]');
}

assert.strictEqual(warns('/app/node_modules/dep/index.js'), false);
assert.strictEqual(warns('c:\\app\\node_modules\\dep\\index.js'), false);
assert.strictEqual(warns('/app/index.js'), true);
assert.strictEqual(warns('c:\\app\\index.js'), true);
assert.strictEqual(warns('/app/not_node_modules.js'), true);
