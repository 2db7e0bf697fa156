'use strict';
// Corked writes on a TLS socket (strings in several encodings and buffers, written as one
// batch on uncork) arrive complete and in order, and every write's callback runs in
// order: both after the handshake (server) and when corked before it (client).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

const pieces = [
  ['head\r\n', 'latin1'],
  [Buffer.from('buffer-piece;')],
  ['c3a9', 'hex'],
  ['aGVsbG8=', 'base64'],
  ['ünïcode', 'utf8'],
  [Buffer.alloc(20000, 'z')],
  ['tail', undefined],
];
const expected = Buffer.concat(pieces.map(([chunk, encoding]) =>
  (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk)));

// Writes every piece while corked; resolves with the order the callbacks ran in.
function writeCorked(socket, done) {
  const order = [];
  socket.cork();
  pieces.forEach(([chunk, encoding], i) => {
    const cb = () => {
      order.push(i);
      if (order.length === pieces.length) done(order);
    };
    if (encoding === undefined) socket.write(chunk, cb);
    else socket.write(chunk, encoding, cb);
  });
  socket.uncork();
}

const callbackOrders = [];
function checkOrder(order) {
  assert.deepStrictEqual(order, pieces.map((_, i) => i));
  callbackOrders.push(order);
}

const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (socket) => {
  const received = [];
  socket.on('data', (d) => {
    received.push(d);
    if (Buffer.concat(received).length === expected.length) {
      assert.deepStrictEqual(Buffer.concat(received), expected);
      writeCorked(socket, (order) => {
        checkOrder(order);
        socket.end();
      });
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
  });
  // Corked and written before the handshake finishes.
  writeCorked(client, checkOrder);
  const received = [];
  client.on('data', (d) => received.push(d));
  client.on('end', () => {
    assert.deepStrictEqual(Buffer.concat(received), expected);
    assert.strictEqual(callbackOrders.length, 2);
    client.end();
    server.close();
  });
});
