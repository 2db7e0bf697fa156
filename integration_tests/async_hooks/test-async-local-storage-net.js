'use strict';
// A server's connection callback runs in the store current at listen() (an accepted
// socket's own callbacks in none, as in Node); a client's callbacks in the store current
// at connect(); write callbacks in the store current at write().
const assert = require('assert');
const net = require('net');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();

const server = net.createServer((socket) => {
  assert.strictEqual(als.getStore(), 'server');
  socket.on('data', (data) => {
    assert.strictEqual(als.getStore(), undefined);
    als.run('write', () => {
      socket.end(data, () => assert.strictEqual(als.getStore(), 'write'));
    });
  });
});

als.run('server', () => {
  server.listen(0, () => {
    assert.strictEqual(als.getStore(), 'server');
    als.run('client', () => {
      const client = net.connect(server.address().port, () => {
        assert.strictEqual(als.getStore(), 'client');
        client.write('ping');
      });
      client.on('data', (data) => {
        assert.strictEqual(als.getStore(), 'client');
        assert.strictEqual(data.toString(), 'ping');
      });
      client.on('close', () => {
        assert.strictEqual(als.getStore(), 'client');
        server.close(() => console.log('ok'));
      });
    });
  });
});
assert.strictEqual(als.getStore(), undefined);
