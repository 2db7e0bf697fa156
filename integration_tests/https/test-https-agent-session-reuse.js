'use strict';
// https.Agent reuses TLS sessions: a second connection to the same host (keep-alive off,
// so a new socket) resumes the first one's session.
const assert = require('assert');
const fs = require('fs');
const https = require('https');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, '..', 'tls', 'fixtures', name));

const server = https.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (req, res) => res.end('ok'));

const agent = new https.Agent({ keepAlive: false, maxSockets: 1 });

function get() {
  return new Promise((resolve, reject) => {
    https.get({
      host: 'localhost', port: server.address().port, agent, ca: fixture('test-ca-cert.pem'),
    }, (res) => {
      const socket = res.socket;
      res.resume();
      res.on('end', () => resolve(socket.isSessionReused()));
    }).on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  assert.strictEqual(await get(), false);
  // Give the client the server's post-handshake ticket before the first socket closes.
  assert.strictEqual(await get(), true);
  server.close();
});
