'use strict';
// `script | head -1`: when the reader goes away, console.log's EPIPE is swallowed (no
// error printed, exit code 0), as in Node; a direct process.stdout.write without an
// 'error' listener still fails loudly with EPIPE.
const assert = require('assert');
const { spawnSync } = require('child_process');

const runtime = JSON.stringify(process.execPath);
// stdin is not a socket: bash would take a socket for a remote shell and read ~/.bashrc.
const stdio = ['ignore', 'pipe', 'pipe'];
const quiet = spawnSync(
  `set -o pipefail; ${runtime} -e "for (let i = 0; i < 200000; i++) console.log('line', i)" | head -1`,
  { shell: '/bin/bash', encoding: 'utf8', stdio });
assert.strictEqual(quiet.stdout, 'line 0\n');
assert.strictEqual(quiet.stderr, '');
assert.strictEqual(quiet.status, 0);

// With an 'error' listener the script sees EPIPE itself and can stop.
const handled = spawnSync(
  `set -o pipefail; ${runtime} -e "process.stdout.on('error', (e) => { process.stderr.write(e.code); process.exit(3); }); for (let i = 0; i < 200000; i++) process.stdout.write('x\\n')" | head -1`,
  { shell: '/bin/bash', encoding: 'utf8', stdio });
assert.strictEqual(handled.stdout, 'x\n');
assert.strictEqual(handled.stderr, 'EPIPE');
assert.strictEqual(handled.status, 3);
