'use strict';
// The header API of OutgoingMessage and IncomingMessage's duplicate rules: set/get/
// append/remove, writeHead with a flat array (merged over setHeader: last wins), validation errors with Node's
// codes, STATUS_CODES and METHODS.
const assert = require('assert');
const http = require('http');
const net = require('net');

assert.strictEqual(http.STATUS_CODES[404], 'Not Found');
assert.strictEqual(http.STATUS_CODES[418], 'I\'m a Teapot');
assert.ok(http.METHODS.includes('PATCH') && http.METHODS.includes('M-SEARCH'));
assert.deepStrictEqual(http.METHODS, [...http.METHODS].sort());
assert.strictEqual(http.maxHeaderSize, 16384);
assert.throws(() => http.validateHeaderName('bad name'),
              { code: 'ERR_INVALID_HTTP_TOKEN', name: 'TypeError',
                message: 'Header name must be a valid HTTP token ["bad name"]' });
assert.throws(() => http.validateHeaderValue('x', undefined),
              { code: 'ERR_HTTP_INVALID_HEADER_VALUE',
                message: 'Invalid value "undefined" for header "x"' });
assert.throws(() => http.validateHeaderValue('x', 'a\nb'),
              { code: 'ERR_INVALID_CHAR', message: 'Invalid character in header content ["x"]' });

const server = http.createServer((req, res) => {
  // Duplicates: dropped for Host-like fields, joined otherwise, arrays for set-cookie.
  assert.strictEqual(req.headers['content-type'], 'text/a');
  assert.strictEqual(req.headers['x-list'], 'a, b');
  assert.strictEqual(req.headers.cookie, 'c=1; d=2');
  assert.deepStrictEqual(req.headersDistinct['x-list'], ['a', 'b']);

  res.setHeader('X-One', '1');
  res.appendHeader('Set-Cookie', 'a=1');
  res.appendHeader('Set-Cookie', 'b=2');
  res.setHeader('X-Gone', 'x');
  res.removeHeader('x-gone');
  assert.strictEqual(res.hasHeader('x-gone'), false);
  assert.strictEqual(res.getHeader('x-one'), '1');
  assert.deepStrictEqual(res.getHeaderNames(), ['x-one', 'set-cookie']);
  assert.deepStrictEqual(res.getHeaders(),
                         { __proto__: null, 'x-one': '1', 'set-cookie': ['a=1', 'b=2'] });
  assert.throws(() => res.writeHead(99), { code: 'ERR_HTTP_INVALID_STATUS_CODE' });
  res.writeHead(202, 'Fine', ['X-Two', '2', 'X-Two', '3']);
  assert.throws(() => res.setHeader('a', 'b'), { code: 'ERR_HTTP_HEADERS_SENT' });
  res.end();
});

server.listen(0, '127.0.0.1', () => {
  const socket = net.connect(server.address().port, '127.0.0.1');
  socket.end('GET / HTTP/1.1\r\nHost: x\r\nContent-Type: text/a\r\nContent-Type: text/b\r\n' +
             'X-List: a\r\nX-List: b\r\nCookie: c=1\r\nCookie: d=2\r\nConnection: close\r\n\r\n');
  let data = '';
  socket.setEncoding('latin1');
  socket.on('data', (d) => { data += d; });
  socket.on('close', () => {
    const head = data.split('\r\n\r\n')[0].split('\r\n');
    assert.strictEqual(head[0], 'HTTP/1.1 202 Fine');
    assert.deepStrictEqual(head.filter((l) => /^(x-|set-cookie)/i.test(l)),
                           ['X-One: 1', 'Set-Cookie: a=1', 'Set-Cookie: b=2',
                            'X-Two: 3']);
    assert.ok(head.includes('Transfer-Encoding: chunked'));
    server.close();
  });
});
