'use strict';
// fs.watch on a directory reports a new file as 'rename', a write to it as 'change' and a
// rename as 'rename' of the old and the new name; close() emits 'close' once.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-events-'));
const timeout = setTimeout(() => assert.fail(`missing events, saw ${JSON.stringify(seen)}`), 10000);
timeout.unref();

const seen = [];
let step = 0;
const watcher = fs.watch(dir);
watcher.on('change', (eventType, filename) => {
  assert.strictEqual(typeof filename, 'string');
  seen.push(`${eventType} ${filename}`);
  if (step === 0 && eventType === 'rename' && filename === 'a.txt') {
    step = 1;
    fs.appendFileSync(path.join(dir, 'a.txt'), 'more');
  } else if (step === 1 && eventType === 'change' && filename === 'a.txt') {
    step = 2;
    fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
  } else if (step === 2 && eventType === 'rename' && filename === 'b.txt') {
    assert.ok(seen.includes('rename a.txt'));
    step = 3;
    watcher.close();
    watcher.close();  // A second close does nothing.
  }
});
let closes = 0;
watcher.on('close', () => {
  closes++;
  fs.rmSync(dir, { recursive: true });
});
fs.writeFileSync(path.join(dir, 'a.txt'), 'hello');

process.on('exit', () => {
  assert.strictEqual(step, 3);
  assert.strictEqual(closes, 1);
});
