'use strict';
// A keep-alive Agent reuses one connection for sequential requests (req.reusedSocket,
// the same client port on the server), pools it in freeSockets between requests, and
// maxSockets: 1 queues concurrent requests in agent.requests.
const assert = require('assert');
const http = require('http');

const remotePorts = new Set();
const server = http.createServer((req, res) => {
  remotePorts.add(req.socket.remotePort);
  res.end(req.url);
});

function get(agent, port, path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ agent, port, host: '127.0.0.1', path }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ body, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const first = await get(agent, port, '/1');
  assert.deepStrictEqual(first, { body: '/1', reused: false });
  // The socket goes back to the pool on the next tick after 'end'.
  await new Promise((resolve) => setImmediate(resolve));
  const name = `127.0.0.1:${port}:`;
  assert.strictEqual(agent.freeSockets[name].length, 1);
  const second = await get(agent, port, '/2');
  assert.deepStrictEqual(second, { body: '/2', reused: true });

  // Three at once through one socket: two wait in agent.requests.
  const pending = [get(agent, port, '/a'), get(agent, port, '/b'), get(agent, port, '/c')];
  assert.strictEqual(agent.requests[name].length, 2);
  const results = await Promise.all(pending);
  assert.deepStrictEqual(results.map((r) => r.body), ['/a', '/b', '/c']);
  assert.strictEqual(remotePorts.size, 1);
  agent.destroy();
  server.close();
});
