'use strict';
// An h2c server and client exchange request and response bodies and trailers.
const assert = require('assert');
const http2 = require('http2');

const requestBody = 'x'.repeat(100000);
const server = http2.createServer();
server.on('stream', (stream, headers) => {
  assert.strictEqual(headers[':method'], 'POST');
  assert.strictEqual(headers[':path'], '/upload?q=1');
  assert.strictEqual(headers['x-client'], 'yes');
  const chunks = [];
  stream.on('data', (chunk) => chunks.push(chunk));
  stream.on('trailers', (trailers) => {
    assert.strictEqual(trailers['x-client-trailer'], 'done');
    stream.gotTrailers = true;
  });
  stream.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    assert.strictEqual(body, requestBody);
    assert.strictEqual(stream.gotTrailers, true);
    stream.respond({ ':status': 201, 'content-type': 'text/plain' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'x-server-trailer': String(body.length) }));
    stream.write('got ');
    stream.end(String(body.length));
  });
});

server.listen(0, () => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  const req = client.request(
    { ':method': 'POST', ':path': '/upload?q=1', 'x-client': 'yes' },
    { waitForTrailers: true });
  req.on('wantTrailers', () => req.sendTrailers({ 'x-client-trailer': 'done' }));
  req.end(requestBody);
  let response;
  let trailers;
  let body = '';
  req.setEncoding('utf8');
  req.on('response', (headers) => { response = headers; });
  req.on('trailers', (t) => { trailers = t; });
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    assert.strictEqual(response[':status'], 201);
    assert.strictEqual(response['content-type'], 'text/plain');
    assert.strictEqual(body, 'got 100000');
    assert.strictEqual(trailers['x-server-trailer'], '100000');
    client.close();
    server.close();
    process.exitCode = 0;
  });
});
process.exitCode = 1;
