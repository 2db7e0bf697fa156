'use strict';
// Round-robin with maxConnections: a worker whose server is full declines the
// connections the primary hands it, and the primary gives them to another worker, so
// none is dropped.
const assert = require('node:assert');
const cluster = require('node:cluster');
const net = require('node:net');

cluster.schedulingPolicy = cluster.SCHED_RR;

if (cluster.isWorker) {
  const server = net.createServer((socket) => {
    socket.write(`${process.pid}`);
    // The limited worker keeps its one connection open; the other answers and closes.
    if (server.maxConnections === undefined) socket.end();
  });
  if (process.env.LIMITED) server.maxConnections = 1;
  server.listen(0, '127.0.0.1');
  return;
}

const timeout = setTimeout(() => assert.fail('timed out'), 30000);
const listening = (worker) => new Promise((resolve) => {
  worker.once('listening', (address) => resolve(address.port));
});

function firstData(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    socket.once('data', (data) => resolve({ socket, pid: data }));
    socket.on('error', reject);
    socket.on('end', () => reject(new Error('connection closed without an answer')));
  });
}

(async () => {
  const limited = cluster.fork({ LIMITED: '1' });
  const open = cluster.fork();
  const [port] = await Promise.all([listening(limited), listening(open)]);
  const answers = [];
  for (let i = 0; i < 6; i++) answers.push(await firstData(port));
  const count = (worker) => answers.filter((a) => a.pid === String(worker.process.pid)).length;
  assert.strictEqual(count(limited), 1);
  assert.strictEqual(count(open), 5);
  for (const { socket } of answers) socket.destroy();
  clearTimeout(timeout);
  limited.kill();
  open.kill();
})();
