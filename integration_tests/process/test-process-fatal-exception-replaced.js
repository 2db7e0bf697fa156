'use strict';
// process._fatalException is the handler of uncaught exceptions; scripts may replace it,
// and one that is not a function makes the process print the error and exit with code 6.
const assert = require('assert');
const { spawnSync } = require('child_process');

assert.strictEqual(typeof process._fatalException, 'function');

function run(code) {
  return spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
}

const replaced = run('process._fatalException = undefined; throw new Error("boom")');
assert.strictEqual(replaced.status, 6);
assert.match(replaced.stderr, /Error: boom/);

const custom = run('process._fatalException = (err) => { console.log("took", err.message);' +
                   ' return true; }; throw new Error("boom")');
assert.strictEqual(custom.stderr, '');
assert.strictEqual(custom.stdout, 'took boom\n');
assert.strictEqual(custom.status, 0);

const normal = run('throw new Error("boom")');
assert.strictEqual(normal.status, 1);
