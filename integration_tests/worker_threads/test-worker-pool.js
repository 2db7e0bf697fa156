'use strict';
// A pool of workers computes in parallel: each task goes to a free worker with its input
// transferred; the results match a single-threaded computation.
const assert = require('assert');
const { Worker } = require('worker_threads');

const source = `
  const { parentPort } = require('worker_threads');
  parentPort.on('message', ({ id, buffer }) => {
    const values = new Float64Array(buffer);
    let sum = 0;
    for (const v of values) sum += Math.sqrt(v);
    parentPort.postMessage({ id, sum, buffer }, [buffer]);
  });
`;
function makeTask(id) {
  const values = new Float64Array(20000);
  for (let i = 0; i < values.length; i++) values[i] = (i * (id + 1)) % 1000;
  let sum = 0;
  for (const v of values) sum += Math.sqrt(v);
  return { id, values, expected: sum };
}

const tasks = Array.from({ length: 12 }, (_, i) => makeTask(i));
const queue = [...tasks];
const results = new Map();
const workers = Array.from({ length: 3 }, () => new Worker(source, { eval: true }));
const used = new Set();

function next(worker) {
  const task = queue.shift();
  if (task === undefined) {
    worker.terminate();
    return;
  }
  const copy = task.values.slice();
  worker.postMessage({ id: task.id, buffer: copy.buffer }, [copy.buffer]);
  assert.strictEqual(copy.byteLength, 0);
}

for (const worker of workers) {
  worker.on('message', ({ id, sum, buffer }) => {
    used.add(worker.threadId);
    results.set(id, sum);
    assert.strictEqual(buffer.byteLength, 20000 * 8);
    next(worker);
  });
  next(worker);
}

process.on('exit', () => {
  assert.strictEqual(results.size, tasks.length);
  for (const task of tasks) assert.strictEqual(results.get(task.id), task.expected);
  assert.strictEqual(used.size, 3);
});
