'use strict';
// node:punycode is deprecated (DEP0040); Node 20 warns only with --pending-deprecation.
const assert = require('assert');
const { spawnSync } = require('child_process');

const load = ['-e', "require('punycode'); require('punycode');"];

const quiet = spawnSync(process.execPath, load, { encoding: 'utf8' });
assert.strictEqual(quiet.status, 0, quiet.stderr);
assert.doesNotMatch(quiet.stderr, /DEP0040/);

const pending = spawnSync(process.execPath, ['--pending-deprecation', ...load],
                          { encoding: 'utf8' });
assert.strictEqual(pending.status, 0, pending.stderr);
const matches = pending.stderr.match(/\[DEP0040\] DeprecationWarning: The `punycode` module is deprecated/g);
assert.strictEqual(matches && matches.length, 1, pending.stderr);
console.log('ok');
