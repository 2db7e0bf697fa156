'use strict';
// A client that destroys its request in the middle of a streamed response: the client
// gets 'close' without an error event, and the server's request and response see the
// connection go away ('close' on the response before it finished).
const assert = require('assert');
const http = require('http');

let serverResClosed = false;
let clientClosed = false;
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  const timer = setInterval(() => res.write(Buffer.alloc(1024, 'a')), 5);
  res.on('close', () => {
    clearInterval(timer);
    assert.strictEqual(res.writableFinished, false);
    serverResClosed = true;
    server.close();
  });
});

server.listen(0, '127.0.0.1', () => {
  const req = http.get({ port: server.address().port, host: '127.0.0.1' }, (res) => {
    let received = 0;
    res.on('data', (d) => {
      received += d.length;
      if (received >= 4096 && !req.destroyed) req.destroy();
    });
    res.on('aborted', () => { res.abortedSeen = true; });
    res.on('error', (err) => assert.strictEqual(err.code, 'ECONNRESET'));
    res.on('close', () => assert.strictEqual(res.abortedSeen, true));
  });
  req.on('error', () => assert.fail('no error on a request destroyed without error'));
  req.on('close', () => { clientClosed = true; });
});

process.on('exit', () => assert.ok(serverResClosed && clientClosed));
