'use strict';
// Past the file size limit (ulimit -f) a write fails with EFBIG instead of the process
// being killed by SIGXFSZ.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  fs.writeFileSync(process.argv[3], '.'.repeat(1 << 16));
} else {
  const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-efbig-'));
  const file = path.join(tmp, 'big.txt');
  const cmd = `ulimit -f 1 && '${process.execPath}' '${__filename}' child '${file}'`;
  const result = spawnSync('/bin/sh', ['-c', cmd], { encoding: 'utf8' });
  fs.rmSync(tmp, { recursive: true, force: true });
  assert.strictEqual(result.signal, null);
  assert.match(result.stderr, /Error: EFBIG: file too large, write/);
}
