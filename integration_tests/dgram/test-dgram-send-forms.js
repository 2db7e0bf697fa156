'use strict';
// send() accepts a string, a Buffer with offset/length, an array of buffers and strings,
// and an empty array (an empty datagram); it binds implicitly and resolves 'localhost'.
const assert = require('assert');
const dgram = require('dgram');

const expected = ['hello', 'ell', 'abcdef', ''];
const received = [];
const server = dgram.createSocket('udp4');
server.on('message', (msg) => {
  received.push(msg.toString());
  if (received.length === expected.length) {
    assert.deepStrictEqual(received.sort(), [...expected].sort());
    client.close();
    server.close();
  }
});
let client;
server.bind(0, '127.0.0.1', () => {
  const { port } = server.address();
  client = dgram.createSocket('udp4');
  let callbacks = 0;
  const done = (err, bytes) => {
    assert.ifError(err);
    assert.strictEqual(typeof bytes, 'number');
    callbacks++;
  };
  // Implicit bind: the first send binds to port 0 on every interface.
  client.send('hello', port, '127.0.0.1', done);
  client.send(Buffer.from('hello'), 1, 3, port, 'localhost', done);
  client.send(['abc', Buffer.from('def')], port, done);
  client.send([], port, '127.0.0.1', done);
  client.on('listening', () => {
    assert.strictEqual(client.address().address, '0.0.0.0');
  });
  process.on('exit', () => assert.strictEqual(callbacks, 4));
});
