'use strict';
// The status line and header checks hold on every response, not only the first: a reason
// phrase taken from a changed http.STATUS_CODES is still validated, a custom or Latin-1
// phrase is sent as given, an invalid header name is refused after valid ones were sent,
// and numeric header values pass.
const assert = require('assert');
const http = require('http');

const originalOk = http.STATUS_CODES[200];
http.STATUS_CODES[299] = 'Fine Thanks';

const server = http.createServer((req, res) => {
  switch (req.url) {
    case '/bad-table': {
      http.STATUS_CODES[200] = 'O\nK';
      assert.throws(() => res.writeHead(200), { code: 'ERR_INVALID_CHAR' });
      http.STATUS_CODES[200] = originalOk;
      res.statusMessage = originalOk;
      res.writeHead(200, { 'Content-Length': 3 });
      res.end('bad');
      break;
    }
    case '/custom':
      res.writeHead(299, { 'X-Count': 42 });
      res.end('custom');
      break;
    case '/latin1':
      res.writeHead(200, 'caf\xe9', { 'Content-Type': 'text/plain' });
      res.end('latin1');
      break;
    default:
      assert.throws(() => res.writeHead(200, { 'Content-Type': 'text/plain', 'Bad Name': 'x' }),
                    { code: 'ERR_INVALID_HTTP_TOKEN' });
      assert.throws(() => res.setHeader('Content-Type', 'a\rb'), { code: 'ERR_INVALID_CHAR' });
      res.writeHead(200, 'OK', { 'Content-Type': 'text/plain' });
      res.end('plain');
  }
});

function get(port, path) {
  return new Promise((resolve) => {
    http.get({ port, path }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve([res.statusCode, res.statusMessage, res.headers['x-count'], body]));
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  for (let round = 0; round < 3; round++) {
    assert.deepStrictEqual(await get(port, '/plain'), [200, 'OK', undefined, 'plain']);
    assert.deepStrictEqual(await get(port, '/bad-table'), [200, 'OK', undefined, 'bad']);
    assert.deepStrictEqual(await get(port, '/custom'), [299, 'Fine Thanks', '42', 'custom']);
    assert.deepStrictEqual(await get(port, '/latin1'), [200, 'caf\xe9', undefined, 'latin1']);
  }
  server.close();
});
