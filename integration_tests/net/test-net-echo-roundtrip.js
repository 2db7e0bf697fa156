'use strict';
// An echo server on port 0: the client's bytes come back, and the events arrive in
// Node's order (connect, ready, data..., end, close).
const assert = require('assert');
const net = require('net');

const events = [];
const server = net.createServer((socket) => {
  assert.strictEqual(socket.remoteAddress, '127.0.0.1');
  socket.pipe(socket);
});
server.listen(0, '127.0.0.1', () => {
  const { address, family, port } = server.address();
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 'IPv4');
  assert.ok(port > 0);
  assert.strictEqual(server.listening, true);

  const client = net.connect(port, '127.0.0.1');
  assert.strictEqual(client.readyState, 'opening');
  assert.strictEqual(client.pending, true);
  let received = '';
  client.setEncoding('utf8');
  client.on('connect', () => {
    events.push('connect');
    assert.strictEqual(client.remotePort, port);
    assert.strictEqual(client.remoteFamily, 'IPv4');
    assert.strictEqual(client.readyState, 'open');
    client.write('hello ');
    client.end(Buffer.from('world'));
  });
  client.on('ready', () => events.push('ready'));
  client.on('data', (chunk) => {
    if (!events.includes('data')) events.push('data');
    received += chunk;
  });
  client.on('end', () => events.push('end'));
  client.on('close', (hadError) => {
    events.push('close');
    assert.strictEqual(hadError, false);
    assert.strictEqual(received, 'hello world');
    assert.strictEqual(client.bytesWritten, 11);
    assert.strictEqual(client.bytesRead, 11);
    assert.deepStrictEqual(events, ['connect', 'ready', 'data', 'end', 'close']);
    server.close(() => {
      assert.strictEqual(server.listening, false);
      events.push('server close');
    });
  });
});

process.on('exit', () => {
  assert.strictEqual(events.at(-1), 'server close');
});
