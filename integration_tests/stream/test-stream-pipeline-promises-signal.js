'use strict';
// stream/promises pipeline: resolves with the destination function's return value, and
// rejects with an AbortError when its signal aborts.
const assert = require('node:assert');
const { pipeline } = require('node:stream/promises');
const { Readable } = require('node:stream');

(async () => {
  const total = await pipeline(
    Readable.from([1, 2, 3]),
    async function* double(source) {
      for await (const n of source) yield n * 2;
    },
    async function sum(source) {
      let s = 0;
      for await (const n of source) s += n;
      return s;
    },
  );
  assert.strictEqual(total, 12);

  const ac = new AbortController();
  const endless = new Readable({
    read() {
      setTimeout(() => this.push('tick'), 1);
    },
  });
  setTimeout(() => ac.abort(), 10);
  await assert.rejects(pipeline(endless, async function(source) {
    // eslint-disable-next-line no-unused-vars
    for await (const chunk of source);
  }, { signal: ac.signal }), { name: 'AbortError' });
  assert.strictEqual(endless.destroyed, true);
  done = true;
})();

let done = false;
process.on('exit', () => assert.ok(done));
