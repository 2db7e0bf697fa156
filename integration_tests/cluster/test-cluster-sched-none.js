'use strict';
// SCHED_NONE: the primary sends the listening handle itself to each worker, which
// accepts connections on it directly. Also checks worker.send/'message' both ways.
const assert = require('node:assert');
const cluster = require('node:cluster');
const net = require('node:net');

if (cluster.isWorker) {
  const server = net.createServer((socket) => socket.end(`${process.pid}`));
  server.listen(0, '127.0.0.1', () => {
    process.send({ port: server.address().port, id: cluster.worker.id });
  });
  cluster.worker.on('message', (msg) => {
    if (msg === 'ping') cluster.worker.send('pong');
  });
  return;
}

cluster.schedulingPolicy = cluster.SCHED_NONE;
const timeout = setTimeout(() => assert.fail('timed out'), 30000);

function request(port) {
  return new Promise((resolve, reject) => {
    const client = net.connect(port, '127.0.0.1');
    let data = '';
    client.setEncoding('utf8');
    client.on('data', (chunk) => { data += chunk; });
    client.on('end', () => resolve(data));
    client.on('error', reject);
  });
}

const workers = [cluster.fork(), cluster.fork()];
const reports = [];
let onAllPongs;
const allPongs = new Promise((resolve) => { onAllPongs = resolve; });
cluster.on('message', async (worker, msg) => {
  if (msg === 'pong') {
    worker.pongs = (worker.pongs || 0) + 1;
    if (workers.every((w) => w.pongs === 1)) onAllPongs();
    return;
  }
  assert.strictEqual(msg.id, worker.id);
  reports.push(msg.port);
  if (reports.length < 2) return;
  assert.strictEqual(reports[0], reports[1]);
  const pids = new Set(workers.map((w) => String(w.process.pid)));
  for (let i = 0; i < 8; i++) assert.ok(pids.has(await request(reports[0])));
  for (const w of workers) w.send('ping');
  await allPongs;  // Wait for the condition, not for time.
  for (const w of workers) assert.strictEqual(w.pongs, 1);
  // Both workers disconnect and the callback runs; which comes first is not asserted
  // (skua may see a worker's exit before its channel's end).
  let disconnects = 0;
  let calledBack = false;
  const finish = () => {
    if (disconnects === 2 && calledBack) clearTimeout(timeout);
  };
  cluster.on('disconnect', () => { disconnects++; finish(); });
  cluster.disconnect(() => { calledBack = true; finish(); });
});
