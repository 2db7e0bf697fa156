'use strict';
// Readable's iterator helpers: map (with concurrency, order kept), filter, flatMap,
// drop/take, and the promise-returning reduce/some/every/find/forEach/toArray.
const assert = require('node:assert');
const { Readable } = require('node:stream');

const delay = (ms, v) => new Promise((resolve) => setTimeout(resolve, ms, v));

(async () => {
  const from = () => Readable.from([1, 2, 3, 4, 5]);
  // Slower items first: concurrency runs them in parallel but output keeps order.
  const mapped = await from().map((x) => delay(10 - x * 2, x * 10), { concurrency: 3 }).toArray();
  assert.deepStrictEqual(mapped, [10, 20, 30, 40, 50]);
  assert.deepStrictEqual(await from().filter((x) => x % 2).toArray(), [1, 3, 5]);
  assert.deepStrictEqual(await from().flatMap((x) => [x, x]).take(4).toArray(), [1, 1, 2, 2]);
  assert.deepStrictEqual(await from().drop(3).toArray(), [4, 5]);
  assert.strictEqual(await from().reduce((a, b) => a + b), 15);
  assert.strictEqual(await from().reduce((a, b) => a + b, 100), 115);
  assert.strictEqual(await from().some((x) => x > 4), true);
  assert.strictEqual(await from().every((x) => x > 4), false);
  assert.strictEqual(await from().find((x) => x > 2), 3);
  const seen = [];
  await from().forEach((x) => { seen.push(x); });
  assert.deepStrictEqual(seen, [1, 2, 3, 4, 5]);

  await assert.rejects(Readable.from([]).reduce((a, b) => a + b),
                       { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => from().map(42), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => from().drop(-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => from().map((x) => x, { concurrency: 0 }), { code: 'ERR_OUT_OF_RANGE' });
  done = true;
})();

let done = false;
process.on('exit', () => assert.ok(done));
