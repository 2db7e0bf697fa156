'use strict';
// A cluster HTTP server (round-robin, the Linux default): two workers listen on port 0,
// the primary picks the port, and the responses come from both worker pids.
const assert = require('node:assert');
const cluster = require('node:cluster');
const http = require('node:http');

if (cluster.isWorker) {
  assert.strictEqual(cluster.isPrimary, false);
  assert.strictEqual(typeof cluster.worker.id, 'number');
  http.createServer((req, res) => res.end(`${process.pid}`)).listen(0, '127.0.0.1');
  return;
}

assert.strictEqual(cluster.isPrimary, true);
assert.strictEqual(cluster.isMaster, true);
assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
const timeout = setTimeout(() => assert.fail('timed out'), 30000);
const events = [];
cluster.on('fork', () => events.push('fork'));
cluster.on('online', () => events.push('online'));
cluster.once('setup', (settings) => assert.strictEqual(settings.exec, __filename));

function get(port) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

const workers = [cluster.fork(), cluster.fork()];
const ports = [];
cluster.on('listening', async (worker, address) => {
  assert.ok(workers.includes(worker));
  ports.push(address.port);
  if (ports.length < 2) return;
  assert.strictEqual(ports[0], ports[1]);  // One port, shared.
  const pids = new Set(workers.map((w) => String(w.process.pid)));
  const seen = new Set();
  for (let i = 0; i < 10; i++) {
    const body = await get(ports[0]);
    assert.ok(pids.has(body), `response ${body} is not from a worker`);
    seen.add(body);
  }
  assert.strictEqual(seen.size, 2);
  assert.deepStrictEqual(events, ['fork', 'fork', 'online', 'online']);
  let exits = 0;
  cluster.on('exit', (worker, code, signal) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
    assert.strictEqual(worker.exitedAfterDisconnect, true);
    assert.strictEqual(worker.isDead(), true);
    if (++exits === 2) clearTimeout(timeout);
  });
  cluster.disconnect(() => {
    assert.deepStrictEqual(Object.keys(cluster.workers), []);
  });
});
