'use strict';
// One keep-alive Agent talking to two origins in turn keeps one pooled socket per
// origin: each server sees a single connection, and the free pool is keyed by origin.
const assert = require('assert');
const http = require('http');

function startServer() {
  const server = http.createServer((req, res) => res.end(req.url));
  server.connections = 0;
  server.on('connection', () => server.connections++);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function get(agent, port, path) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ body, reused: res.req.reusedSocket }));
    }).on('error', reject);
  });
}

(async () => {
  const a = await startServer();
  const b = await startServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const reused = [];
  for (let i = 0; i < 6; i++) {
    const server = i % 2 === 0 ? a : b;
    const { body, reused: wasReused } = await get(agent, server.address().port, `/${i}`);
    assert.strictEqual(body, `/${i}`);
    reused.push(wasReused);
    await new Promise(setImmediate);  // Let the socket go back to the pool.
  }
  assert.deepStrictEqual(reused, [false, false, true, true, true, true]);
  assert.strictEqual(a.connections, 1);
  assert.strictEqual(b.connections, 1);
  assert.deepStrictEqual(Object.keys(agent.freeSockets).sort(), [
    `127.0.0.1:${a.address().port}:`, `127.0.0.1:${b.address().port}:`,
  ].sort());
  assert.deepStrictEqual(Object.keys(agent.sockets), []);
  agent.destroy();
  a.close();
  b.close();
})().catch((err) => {
  process.exitCode = 1;
  throw err;
});
