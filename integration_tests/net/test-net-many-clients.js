'use strict';
// Fifty concurrent clients each get their own reply; getConnections counts them.
const assert = require('assert');
const net = require('net');

const N = 50;
let done = 0;
const server = net.createServer((socket) => {
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => { data += chunk; });
  socket.on('end', () => socket.end(`reply:${data}`));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  for (let i = 0; i < N; i++) {
    const client = net.connect({ port, host: '127.0.0.1' }, () => client.end(`client${i}`));
    let reply = '';
    client.setEncoding('utf8');
    client.on('data', (chunk) => { reply += chunk; });
    client.on('close', () => {
      assert.strictEqual(reply, `reply:client${i}`);
      if (++done === N) {
        server.getConnections((err, count) => {
          assert.ifError(err);
          assert.ok(count >= 0 && count <= N);
          server.close();
        });
      }
    });
  }
});

process.on('exit', () => assert.strictEqual(done, N));
