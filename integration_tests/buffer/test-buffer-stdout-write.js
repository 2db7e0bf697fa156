'use strict';
// process.stdout.write accepts Buffers and strings in any Buffer encoding.
const assert = require('assert');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  process.stdout.write(Buffer.from('buf '));
  process.stdout.write(new Uint8Array([0x75, 0x38, 0x20]));
  process.stdout.write('6865782', 'hex');
  process.stdout.write('IGI2NA==', 'base64');
  return;
}
const child = spawnSync(process.execPath, [__filename, 'child'], { encoding: 'latin1' });
assert.strictEqual(child.stdout, 'buf u8 hex b64');
assert.strictEqual(child.status, 0);
