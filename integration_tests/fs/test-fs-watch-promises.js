'use strict';
// fs.promises.watch is an async iterator of { eventType, filename } that ends with an
// AbortError when its signal aborts.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-promises-'));
setTimeout(() => assert.fail('no event from fs.promises.watch'), 10000).unref();

(async () => {
  const ac = new AbortController();
  const iterator = fs.promises.watch(dir, { signal: ac.signal });
  setImmediate(() => fs.writeFileSync(path.join(dir, 'p.txt'), 'x'));
  let event;
  await assert.rejects(async () => {
    for await (const e of iterator) {
      if (e.filename === 'p.txt') {
        event = e;
        ac.abort();
      }
    }
  }, { name: 'AbortError', code: 'ABORT_ERR' });
  assert.strictEqual(event.eventType, 'rename');

  const aborted = fs.promises.watch(dir, { signal: AbortSignal.abort() });
  await assert.rejects(aborted.next(), { name: 'AbortError' });
  await assert.rejects(fs.promises.watch(path.join(dir, 'missing')).next(), { code: 'ENOENT' });
  fs.rmSync(dir, { recursive: true });
})().then(() => {}, (err) => { throw err; });
