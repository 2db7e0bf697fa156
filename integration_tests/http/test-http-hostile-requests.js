'use strict';
// Malformed and oversize requests get Node's canned answers (400 Bad Request, 431
// Request Header Fields Too Large, both with Connection: close) and their connections
// close, while a well-behaved client on another connection keeps being served.
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer({ maxHeaderSize: 1024 }, (req, res) => res.end('ok'));
const clientErrors = [];
server.on('clientError', (err, socket) => {
  clientErrors.push(err.code);
  // Answer as Node's default handler does, to show the event fires.
  socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
});

function raw(port, payload) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => { data += d; });
    socket.on('error', () => {});
    socket.on('close', () => resolve(data));
    socket.write(payload);
  });
}

function goodGet(agent, port) {
  return new Promise((resolve, reject) => {
    http.get({ agent, port, host: '127.0.0.1' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const agent = new http.Agent({ keepAlive: true });
  assert.strictEqual(await goodGet(agent, port), 'ok');

  // Without a clientError listener the server answers by itself.
  const listener = server.listeners('clientError')[0];
  server.removeListener('clientError', listener);
  const bad = await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
  assert.strictEqual(bad, 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  const garbage = await raw(port, '\x00\x01\x02 not http at all\r\n\r\n');
  assert.match(garbage, /^HTTP\/1\.1 400 Bad Request\r\n/);
  const big = await raw(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(4096)}\r\n\r\n`);
  assert.strictEqual(big,
                     'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n');
  const smuggle = await raw(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n' +
                            'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n');
  assert.match(smuggle, /^HTTP\/1\.1 400 Bad Request\r\n/);

  // The kept-alive good connection is unaffected.
  assert.strictEqual(await goodGet(agent, port), 'ok');

  server.on('clientError', listener);
  await raw(port, 'NOT A REQUEST\r\n\r\n');
  assert.deepStrictEqual(clientErrors, ['HPE_INVALID_METHOD']);
  agent.destroy();
  server.close();
});
