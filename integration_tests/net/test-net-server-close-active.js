'use strict';
// server.close() stops accepting at once but 'close' waits for open connections.
const assert = require('assert');
const net = require('net');

const order = [];
let serverSocket;
const server = net.createServer((socket) => {
  serverSocket = socket;
  server.close(() => order.push('server close'));
  assert.strictEqual(server.listening, false);
  // A second close() callback gets ERR_SERVER_NOT_RUNNING.
  server.close((err) => {
    assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING');
    order.push('second close');
  });
  socket.write('bye');
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.on('data', () => {
    order.push('data');
    setImmediate(() => {
      assert.deepStrictEqual(order, ['data']);  // The connection still holds the server.
      server.getConnections((err, count) => {
        assert.strictEqual(count, 1);
        serverSocket.destroy();
      });
    });
  });
  client.on('end', () => order.push('client end'));
  client.on('close', () => order.push('client close'));
});

process.on('exit', () => {
  assert.ok(order.includes('server close'));
  assert.ok(order.includes('second close'));
  assert.ok(order.includes('client close'));
  assert.ok(order.indexOf('data') < order.indexOf('server close'));
});
