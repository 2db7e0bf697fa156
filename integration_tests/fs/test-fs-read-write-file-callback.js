'use strict';
// readFile / writeFile / appendFile callback forms, including an aborted signal.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'cb.txt');
let steps = 0;

fs.writeFile(file, 'one', (err) => {
  assert.ifError(err);
  fs.appendFile(file, Buffer.from('-two'), (err) => {
    assert.ifError(err);
    fs.readFile(file, 'utf8', (err, text) => {
      assert.ifError(err);
      assert.strictEqual(text, 'one-two');
      fs.readFile(file, (err, buf) => {
        assert.ifError(err);
        assert.ok(Buffer.isBuffer(buf));
        assert.strictEqual(buf.toString(), 'one-two');
        steps++;
      });
    });
  });
});

const controller = new AbortController();
controller.abort();
fs.readFile(file, { signal: controller.signal }, (err) => {
  assert.strictEqual(err.name, 'AbortError');
  steps++;
});

// /proc files report size 0: read until end of file.
fs.readFile('/proc/self/status', 'utf8', (err, text) => {
  assert.ifError(err);
  assert.match(text, /^Name:/);
  steps++;
});

// The callback is validated before any work.
assert.throws(() => fs.readFile(file), { code: 'ERR_INVALID_ARG_TYPE' });

process.on('exit', () => assert.strictEqual(steps, 3));
