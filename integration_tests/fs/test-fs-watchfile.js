'use strict';
// fs.watchFile polls with stat: for a missing file the listener first sees zeroed Stats
// (both current and previous), then the created file; unwatchFile stops it.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfile-'));
const file = path.join(dir, 'later.txt');
setTimeout(() => assert.fail(`watchFile stalled at step ${step}`), 10000).unref();

let step = 0;
function listener(curr, prev) {
  assert.ok(curr instanceof fs.Stats);
  assert.ok(prev instanceof fs.Stats);
  if (step === 0) {
    // ENOENT: all fields zero, dates at the epoch.
    assert.strictEqual(curr.size, 0);
    assert.strictEqual(curr.mtimeMs, 0);
    assert.strictEqual(curr.ino, 0);
    assert.strictEqual(curr.mtime.getTime(), 0);
    assert.strictEqual(prev.ino, 0);
    step = 1;
    fs.writeFileSync(file, 'abc');
  } else if (step === 1) {
    assert.ok(curr.isFile());
    assert.strictEqual(curr.size, 3);
    assert.strictEqual(prev.ino, 0);
    step = 2;
    fs.unwatchFile(file, listener);
    fs.rmSync(dir, { recursive: true });
  } else {
    assert.fail('called after unwatchFile');
  }
}
const watcher = fs.watchFile(file, { interval: 20 }, listener);
watcher.on('stop', () => { step = step === 2 ? 3 : step; });

// A second path in bigint mode gives BigIntStats.
const other = path.join(dir, 'big.txt');
fs.writeFileSync(other, 'x');
fs.watchFile(other, { interval: 20, bigint: true }, (curr, prev) => {
  assert.strictEqual(typeof curr.size, 'bigint');
  assert.strictEqual(curr.size, 0n);  // Deleted with the directory.
  assert.strictEqual(prev.size, 1n);
  fs.unwatchFile(other);
});

process.on('exit', () => assert.strictEqual(step, 3));
