'use strict';
// --title sets process.title; --redirect-warnings=file and NODE_REDIRECT_WARNINGS send
// the printed warnings to that file instead of stderr.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync, spawnSync } = require('child_process');

assert.strictEqual(execFileSync(process.execPath, ['--title=foo', '-p', 'process.title'],
                                { encoding: 'utf8' }), 'foo\n');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || os.tmpdir(), 'skua-warn-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const code = "process.emitWarning('a bad practice warning')";

const byFlag = path.join(tmp, 'flag.txt');
let child = spawnSync(process.execPath, [`--redirect-warnings=${byFlag}`, '-e', code],
                      { encoding: 'utf8' });
assert.strictEqual(child.stderr, '');
assert.match(fs.readFileSync(byFlag, 'utf8'), /\(node:\d+\) Warning: a bad practice warning/);

const byEnv = path.join(tmp, 'env.txt');
child = spawnSync(process.execPath, ['-e', code],
                  { encoding: 'utf8', env: { ...process.env, NODE_REDIRECT_WARNINGS: byEnv } });
assert.strictEqual(child.stderr, '');
assert.match(fs.readFileSync(byEnv, 'utf8'), /Warning: a bad practice warning/);
