'use strict';
// Sequential fetches to one origin reuse a pooled connection: the server sees one.
const assert = require('assert');
const http = require('http');

let connections = 0;
const ports = new Set();
const server = http.createServer((req, res) => {
  ports.add(req.socket.remotePort);
  res.end(`hello ${req.url}`);
});
server.keepAliveTimeout = 60000;
server.on('connection', () => connections++);

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/${i}`);
      assert.strictEqual(await res.text(), `hello /${i}`);
      // undici hands the connection back to its pool on the next turn.
      await new Promise(setImmediate);
    }
    assert.strictEqual(connections, 1);
    assert.strictEqual(ports.size, 1);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
