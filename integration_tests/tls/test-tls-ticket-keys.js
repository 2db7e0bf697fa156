'use strict';
// Session ticket keys: getTicketKeys() returns the 48 bytes given as ticketKeys, and a
// ticket from one server resumes on another server only when both hold the same keys.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const ca = fixture('test-ca-cert.pem');
const keys = crypto.randomBytes(48);

function makeServer(ticketKeys) {
  return tls.createServer({
    key: fixture('test-server-key.pem'),
    cert: fixture('test-server-cert.pem'),
    ticketKeys,
  }, (socket) => socket.end('x'));
}

// Connects once to `server` (offering `session`); resolves with the reuse flag and the
// first session the server issued.
function connect(server, session) {
  return new Promise((resolve) => {
    let first;
    const client = tls.connect({
      port: server.address().port, host: '127.0.0.1', servername: 'localhost', ca, session,
    });
    client.on('session', (s) => { first = first || s; });
    client.resume();
    let reused;
    client.on('secureConnect', () => { reused = client.isSessionReused(); });
    client.on('close', () => resolve({ reused, session: first }));
  });
}

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

(async () => {
  const a = makeServer(keys);
  const b = makeServer(keys);
  const c = makeServer(crypto.randomBytes(48));
  await Promise.all([listen(a), listen(b), listen(c)]);
  assert.strictEqual(a.getTicketKeys().compare(keys), 0);
  assert.notStrictEqual(c.getTicketKeys().compare(keys), 0);

  const first = await connect(a);
  assert.strictEqual(first.reused, false);
  assert.ok(Buffer.isBuffer(first.session));

  assert.strictEqual((await connect(b, first.session)).reused, true);
  assert.strictEqual((await connect(c, first.session)).reused, false);

  // Rotating b's keys makes the old ticket useless there.
  b.setTicketKeys(crypto.randomBytes(48));
  assert.strictEqual((await connect(b, first.session)).reused, false);

  assert.throws(() => a.setTicketKeys(Buffer.alloc(47)), /48-byte buffer/);
  assert.throws(() => a.setTicketKeys('x'.repeat(48)), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => makeServer(Buffer.alloc(12)), { code: 'ERR_INVALID_ARG_VALUE' });
  for (const s of [a, b, c]) s.close();
})().then(() => console.log('ok'));
