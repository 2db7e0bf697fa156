'use strict';
// compose(): several stages become one Duplex that writes into the first and reads from
// the last; generator functions can be stages.
const assert = require('node:assert');
const { compose, Transform, Readable } = require('node:stream');

const upper = new Transform({
  transform(chunk, enc, cb) {
    cb(null, chunk.toString().toUpperCase());
  },
});
const composed = compose(upper, async function* exclaim(source) {
  for await (const chunk of source) yield `${chunk}!`;
});
assert.strictEqual(composed.readable, true);
assert.strictEqual(composed.writable, true);

(async () => {
  const out = await Readable.from(['a', 'b']).pipe(composed).toArray();
  assert.deepStrictEqual(out, ['A!', 'B!']);

  assert.throws(() => compose(), { code: 'ERR_MISSING_ARGS' });
  done = true;
})();

let done = false;
process.on('exit', () => assert.ok(done));
