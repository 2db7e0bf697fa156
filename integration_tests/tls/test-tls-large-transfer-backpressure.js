'use strict';
// Large TLS transfers over a TCP socket arrive whole and in order in both directions
// while the reader pauses (backpressure stops and restarts reading), and a TLS socket
// layered over another TLS socket (tls.connect({ socket })) reads the outer socket's
// cleartext, not its TCP handle.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const options = { key: fixture('test-server-key.pem'), cert: fixture('test-server-cert.pem') };
const SIZE = 3 * 1024 * 1024;
const payload = crypto.randomBytes(SIZE);
const digest = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

// Reads everything, pausing for a moment after each of the first reads so that unread
// cleartext piles up; resolves with the bytes.
function readPausing(socket) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let pauses = 0;
    socket.on('data', (d) => {
      chunks.push(d);
      if (pauses++ < 5) {
        socket.pause();
        setImmediate(() => socket.resume());
      }
    });
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

async function plainTcp() {
  let serverGot;
  const server = tls.createServer(options, (socket) => {
    serverGot = readPausing(socket);
    socket.end(payload);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
  });
  client.end(payload);
  const clientGot = await readPausing(client);
  assert.strictEqual(clientGot.length, SIZE);
  assert.strictEqual(digest(clientGot), digest(payload));
  const fromClient = await serverGot;
  assert.strictEqual(fromClient.length, SIZE);
  assert.strictEqual(digest(fromClient), digest(payload));
  server.close();
}

async function tlsOverTls() {
  const body = crypto.randomBytes(200 * 1024);
  // The inner server answers on the decrypted stream of an outer TLS server.
  const inner = tls.createServer(options, (socket) => socket.end(body));
  const outer = tls.createServer(options, (socket) => inner.emit('connection', socket));
  await new Promise((resolve) => outer.listen(0, '127.0.0.1', resolve));
  const outerClient = tls.connect({
    port: outer.address().port, host: '127.0.0.1', rejectUnauthorized: false,
  });
  const innerClient = tls.connect({ socket: outerClient, rejectUnauthorized: false });
  const got = await readPausing(innerClient);
  assert.strictEqual(digest(got), digest(body));
  assert.ok(innerClient.encrypted && outerClient.encrypted);
  outerClient.destroy();
  outer.close();
}

plainTcp().then(tlsOverTls).then(() => console.log('ok'));
