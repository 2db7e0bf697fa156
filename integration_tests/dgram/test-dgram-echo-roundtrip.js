'use strict';
// A datagram sent to a socket bound on loopback port 0 arrives with its bytes and an
// rinfo naming the sender; the reply travels back the same way. Events come in Node's
// order: 'listening' before any 'message', 'close' after close().
const assert = require('assert');
const dgram = require('dgram');

const order = [];
const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  order.push('server message');
  assert.strictEqual(msg.toString(), 'ping');
  assert.strictEqual(rinfo.address, '127.0.0.1');
  assert.strictEqual(rinfo.family, 'IPv4');
  assert.strictEqual(rinfo.size, 4);
  assert.ok(rinfo.port > 0);
  server.send('pong', rinfo.port, rinfo.address);
});
server.on('listening', () => {
  order.push('server listening');
  const { address, family, port } = server.address();
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 'IPv4');
  assert.ok(port > 0);

  const client = dgram.createSocket('udp4', (msg, rinfo) => {
    order.push('client message');
    assert.ok(Buffer.isBuffer(msg));
    assert.strictEqual(msg.toString(), 'pong');
    assert.strictEqual(rinfo.port, port);
    client.close(() => {
      order.push('client close');
      server.close();
    });
  });
  client.send(Buffer.from('ping'), port, '127.0.0.1', (err, bytes) => {
    assert.ifError(err);
    assert.strictEqual(bytes, 4);
    order.push('client sent');
  });
});
server.on('close', () => order.push('server close'));
server.bind(0, '127.0.0.1');

process.on('exit', () => {
  assert.deepStrictEqual(order, [
    'server listening', 'client sent', 'server message', 'client message',
    'client close', 'server close',
  ]);
});
