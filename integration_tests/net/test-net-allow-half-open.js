'use strict';
// allowHalfOpen: after the client ends, the server still writes its answer, then ends;
// without it, the server's side ends automatically.
const assert = require('assert');
const net = require('net');

let serverSawEnd = false;
let clientData = '';
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  assert.strictEqual(socket.allowHalfOpen, true);
  let request = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => { request += chunk; });
  socket.on('end', () => {
    serverSawEnd = true;
    // The readable side is over; the writable side is still open.
    assert.strictEqual(socket.writable, true);
    assert.strictEqual(socket.readyState, 'writeOnly');
    setImmediate(() => socket.end(`answer to ${request}`));
  });
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  client.setEncoding('utf8');
  client.on('connect', () => client.end('question'));
  client.on('data', (chunk) => { clientData += chunk; });
  client.on('finish', () => assert.strictEqual(client.readyState, 'readOnly'));
  client.on('end', () => {
    assert.strictEqual(clientData, 'answer to question');
  });
  client.on('close', () => {
    // Now the default: the server side ends by itself when the client ends.
    const server2 = net.createServer((socket) => {
      assert.strictEqual(socket.allowHalfOpen, false);
      socket.resume();
      socket.on('end', () => assert.strictEqual(socket.writableEnded, false));
      socket.on('finish', () => server2.close());
    });
    server2.listen(0, '127.0.0.1', () => {
      const c2 = net.connect(server2.address().port, '127.0.0.1', () => c2.end());
      c2.resume();
      c2.on('close', () => server.close());
    });
  });
});

process.on('exit', () => {
  assert.ok(serverSawEnd);
  assert.strictEqual(clientData, 'answer to question');
});
