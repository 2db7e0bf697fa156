'use strict';
// process.getActiveResourcesInfo() lists each in-flight fs callback request as
// FSReqCallback, and no longer once its callback has run.
const assert = require('assert');
const fs = require('fs');

function count() {
  return process.getActiveResourcesInfo().filter((t) => t === 'FSReqCallback').length;
}

assert.strictEqual(count(), 0);
let done = 0;
for (let i = 0; i < 3; i++) {
  fs.stat(__filename, (err) => {
    assert.ifError(err);
    done++;
    if (done === 3) setImmediate(() => assert.strictEqual(count(), 0));
  });
}
assert.strictEqual(count(), 3);
process.on('exit', () => assert.strictEqual(done, 3));
