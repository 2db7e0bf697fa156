'use strict';
// Readable.from(): iterables and async iterables become object-mode streams; a string or
// Buffer is a single chunk; promises yielded by a sync iterable are awaited; null is not
// allowed.
const assert = require('node:assert');
const { Readable } = require('node:stream');

(async () => {
  assert.deepStrictEqual(await Readable.from('hello').toArray(), ['hello']);
  const buf = Buffer.from('xyz');
  assert.deepStrictEqual(await Readable.from(buf).toArray(), [buf]);

  async function* gen() {
    yield 1;
    yield 2;
  }
  const r = Readable.from(gen());
  assert.strictEqual(r.readableObjectMode, true);
  assert.deepStrictEqual(await r.toArray(), [1, 2]);

  assert.deepStrictEqual(
    await Readable.from([Promise.resolve('p'), 'q']).toArray(), ['p', 'q']);

  // objectMode: false gives byte chunks.
  const bytes = Readable.from(['ab', 'cd'], { objectMode: false });
  assert.strictEqual(bytes.readableObjectMode, false);
  assert.strictEqual(Buffer.concat(await bytes.toArray()).toString(), 'abcd');

  await assert.rejects(Readable.from([1, null, 2]).toArray(), { code: 'ERR_STREAM_NULL_VALUES' });
  assert.throws(() => Readable.from(42), { code: 'ERR_INVALID_ARG_TYPE' });
  done = true;
})();

let done = false;
process.on('exit', () => assert.ok(done));
