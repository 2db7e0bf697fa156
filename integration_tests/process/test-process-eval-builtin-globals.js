'use strict';
// Code run with -e / -p sees the builtin modules as (non-enumerable) globals, as in Node.
const assert = require('assert');
const { execFileSync, spawnSync } = require('child_process');

const out = execFileSync(process.execPath, ['-p',
  "[typeof os.userInfo, typeof fs.readFileSync, Object.keys(globalThis).includes('fs')]" +
  ".join(' ')"], { encoding: 'utf8' });
assert.strictEqual(out, 'function function false\n');

const child = spawnSync(process.execPath, ['-e',
  "os.userInfo({ get encoding() { throw new Error('xyz'); } })"], { encoding: 'utf8' });
assert.strictEqual(child.status, 1);
assert.match(child.stderr, /Error: xyz/);

assert.strictEqual(execFileSync(process.execPath, ['-p', 'path = 1; path'],
                                { encoding: 'utf8' }), '1\n');
