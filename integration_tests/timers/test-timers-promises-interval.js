'use strict';
// timers/promises setInterval: an async iterator that yields the value once per tick,
// stops on return (break) and throws an AbortError when the signal aborts.
const assert = require('assert');
const { setInterval } = require('timers/promises');

(async () => {
  let count = 0;
  for await (const v of setInterval(2, 'tick')) {
    assert.strictEqual(v, 'tick');
    if (++count === 3) break;
  }
  assert.strictEqual(count, 3);

  const ac = new AbortController();
  const seen = [];
  await assert.rejects(async () => {
    for await (const v of setInterval(2, 'x', { signal: ac.signal })) {
      seen.push(v);
      if (seen.length === 2) ac.abort();
    }
  }, { name: 'AbortError' });
  assert.deepStrictEqual(seen, ['x', 'x']);

  // ref: false lets the process exit while the iterator waits.
  const unrefd = setInterval(100000, 1, { ref: false });
  unrefd.next().then(() => assert.fail('should not tick'));
  process.exitCode = 0;
})();
process.exitCode = 1;
