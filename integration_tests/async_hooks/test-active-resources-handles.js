'use strict';
// process.getActiveResourcesInfo() lists the ref'd libuv handles by Node's wrap names:
// a listening server and its connected sockets, but not an unref'd one.
const assert = require('assert');
const net = require('net');

function count(type) {
  return process.getActiveResourcesInfo().filter((t) => t === type).length;
}

assert.strictEqual(count('TCPServerWrap'), 0);
const server = net.createServer((socket) => {
  // The server's socket and the client's are both open now.
  assert.strictEqual(count('TCPServerWrap'), 1);
  assert.strictEqual(count('TCPSocketWrap'), 2);
  socket.end();
});
server.listen(0, '127.0.0.1', () => {
  assert.strictEqual(count('TCPServerWrap'), 1);
  server.unref();
  assert.strictEqual(count('TCPServerWrap'), 0);
  server.ref();
  const client = net.connect(server.address().port, '127.0.0.1');
  client.resume();
  client.on('close', () => server.close());
});
