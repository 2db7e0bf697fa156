'use strict';
// A TLSSocket's bytesRead and bytesWritten count cleartext, as Node's do, not the TLS
// records on the wire: nothing before the handshake's end, then exactly what each side
// wrote and received. bytesWritten already includes a write still queued, and both
// keep their values after the socket closes.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const fromClient = 'x'.repeat(20000);
const fromServer = 'y'.repeat(1000);
const done = [];

const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (socket) => {
  assert.strictEqual(socket.bytesRead, 0);
  assert.strictEqual(socket.bytesWritten, 0);
  let received = 0;
  socket.on('data', (chunk) => { received += chunk.length; });
  socket.on('end', () => {
    assert.strictEqual(received, 5 + fromClient.length);
    assert.strictEqual(socket.bytesRead, received);
    socket.end(fromServer);
  });
  socket.on('close', () => {
    assert.strictEqual(socket.bytesRead, 5 + fromClient.length);
    assert.strictEqual(socket.bytesWritten, fromServer.length);
    done.push('server');
  });
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
  }, () => {
    assert.strictEqual(client.bytesRead, 0);
    assert.strictEqual(client.bytesWritten, 0);
    client.write('hello');
    assert.strictEqual(client.bytesWritten, 5);
    client.write(fromClient, () => {
      assert.strictEqual(client.bytesWritten, 5 + fromClient.length);
    });
    assert.strictEqual(client.bytesWritten, 5 + fromClient.length);
    client.end();
  });
  let received = 0;
  client.on('data', (chunk) => { received += chunk.length; });
  client.on('close', () => {
    assert.strictEqual(received, fromServer.length);
    assert.strictEqual(client.bytesRead, fromServer.length);
    assert.strictEqual(client.bytesWritten, 5 + fromClient.length);
    done.push('client');
    server.close();
  });
});

process.on('exit', () => assert.deepStrictEqual(done.sort(), ['client', 'server']));
