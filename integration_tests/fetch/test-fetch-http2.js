'use strict';
// fetch over TLS to a server offering h2 and HTTP/1.1 (ALPN). skua negotiates HTTP/2 and
// multiplexes concurrent fetches on one session; Node 20's fetch (undici) speaks
// HTTP/1.1. The client runs in a child process that trusts the test certificate through
// NODE_EXTRA_CA_CERTS.
const assert = require('assert');
const { execFile } = require('child_process');
const fs = require('fs');
const path = require('path');

if (process.argv[2] === 'client') {
  const base = process.argv[3];
  Promise.all([1, 2, 3].map((i) => fetch(`${base}/${i}`, { method: 'POST', body: `body ${i}` })
    .then(async (res) => ({ status: res.status, text: await res.text(),
                            type: res.headers.get('content-type') }))))
    .then((results) => console.log(JSON.stringify(results)));
  return;
}

const http2 = require('http2');
const cert = path.join(__dirname, '..', 'http2', 'fixtures', 'localhost-cert.pem');
const key = path.join(__dirname, '..', 'http2', 'fixtures', 'localhost-key.pem');
const versions = [];
let sessions = 0;
const server = http2.createSecureServer(
  { key: fs.readFileSync(key), cert: fs.readFileSync(cert), allowHTTP1: true },
  (req, res) => {
    versions.push(req.httpVersion);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.setHeader('content-type', 'text/plain');
      res.end(`${req.url} ${body}`);
    });
  });
server.on('session', () => sessions++);

server.listen(0, '127.0.0.1', () => {
  const base = `https://127.0.0.1:${server.address().port}`;
  execFile(process.execPath, [__filename, 'client', base],
           { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert } }, (err, stdout, stderr) => {
    server.close();
    assert.ifError(err);
    assert.deepStrictEqual(JSON.parse(stdout), [1, 2, 3].map((i) =>
      ({ status: 200, text: `/${i} body ${i}`, type: 'text/plain' })));
    assert.strictEqual(versions.length, 3);
    for (const v of versions) assert.ok(['1.1', '2.0'].includes(v), v);
    if (process.versions.skua) {
      assert.deepStrictEqual(versions, ['2.0', '2.0', '2.0']);
      assert.strictEqual(sessions, 1);
    }
  });
});
