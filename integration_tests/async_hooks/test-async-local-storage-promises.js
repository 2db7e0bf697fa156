'use strict';
// AsyncLocalStorage follows await chains and then() callbacks, and a reaction created
// outside run() sees no store even when it runs right after one created inside.
const assert = require('assert');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();
const seen = [];

als.run('then', () => {
  Promise.resolve().then(() => seen.push(['then', als.getStore()]));
});
Promise.resolve().then(() => seen.push(['outside', als.getStore()]));

async function inner() {
  await null;
  return als.getStore();
}
async function outer() {
  return inner();  // Resolving with a promise goes through a thenable job.
}

const done = als.run('await', async () => {
  assert.strictEqual(als.getStore(), 'await');
  await null;
  assert.strictEqual(als.getStore(), 'await');
  assert.strictEqual(await outer(), 'await');
  await new Promise((resolve) => setTimeout(resolve, 1));
  assert.strictEqual(als.getStore(), 'await');
  const values = await Promise.all([1, 2].map(async (n) => {
    await null;
    return [n, als.getStore()];
  }));
  assert.deepStrictEqual(values, [[1, 'await'], [2, 'await']]);
  return als.getStore();
});
assert.strictEqual(als.getStore(), undefined);

done.then((value) => {
  assert.strictEqual(value, 'await');
  assert.strictEqual(als.getStore(), undefined);
  assert.deepStrictEqual(seen, [['then', 'then'], ['outside', undefined]]);
  console.log('ok');
});
