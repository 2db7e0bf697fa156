'use strict';
// Watching a file (not a directory): a write is a 'change' named by the file's basename,
// and the listener passed to fs.watch receives it.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-file-'));
const file = path.join(dir, 'watched.txt');
fs.writeFileSync(file, 'one');
setTimeout(() => assert.fail('no change event'), 10000).unref();

let changed = false;
const watcher = fs.watch(file, (eventType, filename) => {
  if (changed) return;
  changed = true;
  assert.strictEqual(eventType, 'change');
  assert.strictEqual(filename, 'watched.txt');
  watcher.close();
  fs.rmSync(dir, { recursive: true });
});
fs.appendFileSync(file, 'two');
process.on('exit', () => assert.ok(changed));
