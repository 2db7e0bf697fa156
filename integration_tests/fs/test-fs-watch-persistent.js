'use strict';
// A watcher with persistent: false, or unref'd, does not keep the process alive: the
// script ends on its own (the harness would time out otherwise) with both still open.
const assert = require('assert');
const fs = require('fs');
const os = require('os');

const tmp = fs.realpathSync(os.tmpdir());
const quiet = fs.watch(tmp, { persistent: false });
const unrefd = fs.watch(tmp).unref();
assert.strictEqual(unrefd.ref(), unrefd);
unrefd.unref();
const poller = fs.watchFile(__filename, { persistent: false, interval: 10 }, () => {});
let exited = false;
process.on('exit', () => {
  exited = true;
  quiet.close();
  unrefd.close();
  fs.unwatchFile(__filename);
  assert.ok(poller);
});
setImmediate(() => assert.strictEqual(exited, false));
