'use strict';
// Contexts that trust the system's roots share one store: a CA added to one of them
// (context.addCACert after creation) is trusted by that context only, and a client
// request written on 'secureConnect' reaches the server.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

const server = tls.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (socket) => {
  socket.setEncoding('utf8');
  socket.once('data', (data) => socket.end(`echo:${data}`));
});

function connect(secureContext) {
  return new Promise((resolve) => {
    const client = tls.connect({
      port: server.address().port, host: '127.0.0.1', servername: 'localhost', secureContext,
    }, () => {
      client.setEncoding('utf8');
      client.write('ping');
      let reply = '';
      client.on('data', (d) => { reply += d; });
      client.on('end', () => resolve({ authorized: client.authorized, reply }));
    });
    client.on('error', (err) => resolve({ error: err.code }));
  });
}

server.listen(0, '127.0.0.1', async () => {
  const extended = tls.createSecureContext();
  extended.context.addCACert(fixture('test-ca-cert.pem'));
  const plain = tls.createSecureContext();

  assert.deepStrictEqual(await connect(extended), { authorized: true, reply: 'echo:ping' });
  assert.deepStrictEqual(await connect(plain), { error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  assert.deepStrictEqual(await connect(tls.createSecureContext()),
                         { error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  server.close();
});
