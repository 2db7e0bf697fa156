'use strict';
// buffer.resolveObjectURL() finds the Blob that URL.createObjectURL() registered, until
// URL.revokeObjectURL() drops it.
const assert = require('assert');
const { Blob, resolveObjectURL } = require('buffer');

(async () => {
  const blob = new Blob(['object url body']);
  const url = URL.createObjectURL(blob);
  assert.match(url, /^blob:nodedata:[0-9a-f-]{36}$/);
  const found = resolveObjectURL(url);
  assert.ok(found instanceof Blob);
  assert.strictEqual(found.size, 15);
  assert.strictEqual(await found.text(), 'object url body');
  URL.revokeObjectURL(url);
  assert.strictEqual(resolveObjectURL(url), undefined);
  for (const bad of ['not a url', undefined, 7, 'blob:nodedata:nope', {}]) {
    assert.strictEqual(resolveObjectURL(bad), undefined);
  }
  assert.throws(() => URL.createObjectURL('text'), { code: 'ERR_INVALID_ARG_TYPE' });
})().then(() => { process.exitCode = 0; }, (err) => { throw err; });
process.exitCode = 1;
