'use strict';
// Stores follow fs callbacks and fs.promises; the store is the one current when the
// request started.
const assert = require('assert');
const fs = require('fs');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();
let pending = 3;
function done() {
  if (--pending === 0) console.log('ok');
}

als.run('read', () => {
  fs.readFile(__filename, (err) => {
    assert.ifError(err);
    assert.strictEqual(als.getStore(), 'read');
    fs.stat(__filename, () => {
      assert.strictEqual(als.getStore(), 'read');
      done();
    });
  });
});
als.run('promises', async () => {
  await fs.promises.readFile(__filename);
  assert.strictEqual(als.getStore(), 'promises');
  done();
});
fs.access(__filename, () => {
  assert.strictEqual(als.getStore(), undefined);
  done();
});
