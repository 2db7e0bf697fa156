'use strict';
// A client that sends garbage instead of a ClientHello gets 'tlsClientError' on the
// server (an OpenSSL error with Node's ERR_SSL_* code) and its socket closed; the server
// keeps serving real clients. A client whose peer hangs up mid-handshake gets ECONNRESET.
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

const errors = [];
const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (socket) => socket.end('served'));
server.on('tlsClientError', (err, socket) => {
  assert.ok(socket instanceof tls.TLSSocket);
  errors.push(err);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const raw = net.connect(port, '127.0.0.1', () => raw.write('GET / HTTP/1.1\r\n\r\n'));
  raw.resume();
  raw.on('close', () => {
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0].code, /^ERR_SSL_/);
    const good = tls.connect({ port, host: '127.0.0.1', servername: 'localhost', ca: fixture('test-ca-cert.pem') });
    let data = '';
    good.setEncoding('utf8');
    good.on('data', (d) => { data += d; });
    good.on('end', () => {
      assert.strictEqual(data, 'served');
      hangUp();
    });
  });
});

function hangUp() {
  const silent = net.createServer((socket) => socket.destroy());
  silent.listen(0, '127.0.0.1', () => {
    const client = tls.connect({ port: silent.address().port, host: '127.0.0.1' });
    client.on('error', (err) => {
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message,
                         'Client network socket disconnected before secure TLS connection was established');
      silent.close();
      server.close();
    });
  });
}
