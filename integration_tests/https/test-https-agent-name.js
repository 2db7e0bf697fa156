'use strict';
// https.Agent keys its pool by the TLS options; a servername equal to the host adds
// nothing, so a request through https.globalAgent (replaced by the user) lands in the
// pool named by getName({ port }). The response stream takes the request's
// highWaterMark, and https.Server refuses options that are not an object.
const assert = require('assert');
const fs = require('fs');
const https = require('https');
const path = require('path');

const fixture = (name) => fs.readFileSync(path.join(__dirname, '..', 'tls', 'fixtures', name));

for (const bad of ['foo', 42, true, []]) {
  assert.throws(() => new https.Server(bad), { code: 'ERR_INVALID_ARG_TYPE' });
}

const agent = new https.Agent();
assert.strictEqual(agent.getName({ host: 'a.example', port: 1, servername: 'a.example' }),
                   agent.getName({ host: 'a.example', port: 1 }));
assert.notStrictEqual(agent.getName({ host: 'a.example', port: 1, servername: 'b.example' }),
                      agent.getName({ host: 'a.example', port: 1 }));

const server = https.createServer({
  key: fixture('test-server-key.pem'),
  cert: fixture('test-server-cert.pem'),
}, (req, res) => {
  res.end(String(req.socket.servername));
});

server.listen(0, () => {
  const port = server.address().port;
  https.globalAgent = agent;
  const ca = fixture('test-ca-cert.pem');
  const name = agent.getName({ port, ca });
  const req = https.get({ port, ca, highWaterMark: 1234 }, (res) => {
    assert.strictEqual(res.readableHighWaterMark, 1234);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', () => {
      assert.strictEqual(body, 'localhost');
      agent.destroy();
      server.close();
      console.log('ok');
    });
  });
  assert.ok(name in agent.sockets || name in agent.requests);
  req.on('error', assert.ifError);
});
