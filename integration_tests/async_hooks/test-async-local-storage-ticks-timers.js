'use strict';
// Stores follow process.nextTick, queueMicrotask, setTimeout, setInterval and setImmediate;
// callbacks scheduled outside run() see none.
const assert = require('assert');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();
const seen = new Map();
const expected = ['tick', 'microtask', 'timeout', 'interval', 'immediate'];

function record(name) {
  seen.set(name, als.getStore());
}

als.run('s', () => {
  process.nextTick(record, 'tick');
  queueMicrotask(() => record('microtask'));
  setTimeout(record, 1, 'timeout');
  const interval = setInterval(() => {
    record('interval');
    clearInterval(interval);
  }, 1);
  setImmediate(() => record('immediate'));
});
process.nextTick(() => assert.strictEqual(als.getStore(), undefined));
setTimeout(() => assert.strictEqual(als.getStore(), undefined), 1);
setImmediate(() => assert.strictEqual(als.getStore(), undefined));

setTimeout(() => {
  assert.deepStrictEqual([...seen.keys()].sort(), [...expected].sort());
  for (const name of expected) assert.strictEqual(seen.get(name), 's', name);
  console.log('ok');
}, 20);
