'use strict';
// recursive: true reports changes anywhere below the root with paths relative to it,
// including in a directory created after the watch began.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-recursive-'));
fs.mkdirSync(path.join(dir, 'existing'));
setTimeout(() => assert.fail(`missing events, saw ${JSON.stringify(seen)}`), 10000).unref();

const seen = new Set();
const wanted = [
  path.join('existing', 'old.txt'),
  path.join('fresh', 'deeper', 'new.txt'),
];
const watcher = fs.watch(dir, { recursive: true }, (eventType, filename) => {
  assert.ok(eventType === 'rename' || eventType === 'change');
  seen.add(filename);
  if (wanted.every((name) => seen.has(name))) watcher.close();
});
watcher.on('close', () => fs.rmSync(dir, { recursive: true }));

fs.writeFileSync(path.join(dir, 'existing', 'old.txt'), 'a');
fs.mkdirSync(path.join(dir, 'fresh', 'deeper'), { recursive: true });
fs.writeFileSync(path.join(dir, 'fresh', 'deeper', 'new.txt'), 'b');
