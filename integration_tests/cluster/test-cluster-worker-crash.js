'use strict';
// A worker that dies does not take down the primary, and the surviving worker keeps
// serving the shared port; the primary can fork a replacement.
const assert = require('node:assert');
const cluster = require('node:cluster');
const net = require('node:net');

if (cluster.isWorker) {
  net.createServer((socket) => socket.end(`${process.pid}`)).listen(0, '127.0.0.1');
  process.on('message', (msg) => {
    if (msg === 'crash') throw new Error('worker crash (expected)');
  });
  return;
}

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

function listening(worker) {
  return new Promise((resolve) => worker.once('listening', (address) => resolve(address.port)));
}

(async () => {
  const a = cluster.fork();
  const b = cluster.fork();
  const [portA, portB] = await Promise.all([listening(a), listening(b)]);
  assert.strictEqual(portA, portB);
  const port = portA;

  // Worker a crashes with an uncaught exception.
  const exited = new Promise((resolve) => {
    a.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const worker = await new Promise((resolve) => {
    cluster.once('exit', (w, code) => { assert.strictEqual(code, 1); resolve(w); });
    a.send('crash');
  });
  assert.strictEqual(worker, a);
  assert.deepStrictEqual(await exited, { code: 1, signal: null });
  assert.strictEqual(a.isDead(), true);
  assert.strictEqual(a.exitedAfterDisconnect, false);
  assert.strictEqual(cluster.workers[a.id], undefined);

  // b answers every request now.
  for (let i = 0; i < 6; i++) {
    assert.strictEqual(await request(port), String(b.process.pid));
  }

  // Worker b is killed with a signal; a replacement takes over the same port.
  const c = cluster.fork();
  assert.strictEqual(await listening(c), port);
  const killed = new Promise((resolve) => b.on('exit', (code, signal) => resolve(signal)));
  b.process.kill('SIGKILL');
  assert.strictEqual(await killed, 'SIGKILL');
  for (let i = 0; i < 4; i++) {
    assert.strictEqual(await request(port), String(c.process.pid));
  }
  c.on('exit', () => clearTimeout(timeout));
  c.kill();
})();
