'use strict';
// for await over a Readable yields its chunks; breaking out destroys the stream; an
// error in the stream rejects the loop.
const assert = require('node:assert');
const { Readable } = require('node:stream');

(async () => {
  const chunks = [];
  for await (const c of Readable.from(['a', 'b', 'c'])) chunks.push(c);
  assert.deepStrictEqual(chunks, ['a', 'b', 'c']);

  // Break destroys the stream.
  const r = Readable.from([1, 2, 3, 4]);
  for await (const v of r) {
    if (v === 2) break;
  }
  assert.strictEqual(r.destroyed, true);

  // destroyOnReturn: false keeps it usable.
  const kept = Readable.from([1, 2, 3]);
  for await (const v of kept.iterator({ destroyOnReturn: false })) {
    assert.strictEqual(v, 1);
    break;
  }
  assert.strictEqual(kept.destroyed, false);
  assert.deepStrictEqual(await kept.toArray(), [2, 3]);

  // Errors reject.
  const bad = new Readable({
    read() {
      this.destroy(new Error('boom'));
    },
  });
  await assert.rejects(async () => {
    // eslint-disable-next-line no-unused-vars
    for await (const x of bad);
  }, /boom/);
  done = true;
})();

let done = false;
process.on('exit', () => assert.ok(done));
