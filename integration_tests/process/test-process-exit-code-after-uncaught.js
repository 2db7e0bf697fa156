'use strict';
// After an uncaught exception the process exits with process.exitCode as the 'exit'
// listeners leave it: 1 by default, 0 when a listener resets it.
const assert = require('assert');
const { spawnSync } = require('child_process');

function run(source) {
  return spawnSync(process.execPath, ['-e', source], { encoding: 'utf8' });
}

const reset = run(`process.on('exit', (code) => {
  if (code !== 1 || process.exitCode !== 1) process._rawDebug('unexpected', code);
  process.exitCode = 0;
});
throw new Error('ok');`);
assert.strictEqual(reset.status, 0);
assert.match(reset.stderr, /Error: ok/);
assert.doesNotMatch(reset.stderr, /unexpected/);

assert.strictEqual(run("throw new Error('plain');").status, 1);
assert.strictEqual(run("process.on('exit', () => { process.exitCode = 9; }); throw 1;").status, 9);
