'use strict';
// WebSocket constructor, send and close argument errors (DOMExceptions per the WHATWG
// spec), and failed opening handshakes: bad Sec-WebSocket-Accept, a non-101 answer, an
// unoffered subprotocol or extension, a refused connection — each fires error, then
// close with code 1006, and never open.
if (typeof WebSocket === 'undefined' && !process.versions.skua) {
  console.log('skip: this Node has no global WebSocket');
  return;
}
const assert = require('assert');
const net = require('net');
const { startServer, acceptKey, once } = require('./fixtures/ws_server');

function expectSyntaxError(fn) {
  assert.throws(fn, (err) => err instanceof DOMException && err.name === 'SyntaxError');
}

async function expectFailedHandshake(url) {
  const ws = new WebSocket(url);
  const events = [];
  for (const type of ['open', 'error', 'close']) ws.addEventListener(type, () => events.push(type));
  const closed = await once(ws, 'close');
  assert.deepStrictEqual(events, ['error', 'close'], url);
  assert.strictEqual(closed.code, 1006);
  assert.strictEqual(closed.wasClean, false);
  assert.strictEqual(ws.readyState, WebSocket.CLOSED);
}

(async () => {
  assert.strictEqual(WebSocket.CONNECTING, 0);
  assert.strictEqual(WebSocket.OPEN, 1);
  assert.strictEqual(WebSocket.CLOSING, 2);
  assert.strictEqual(WebSocket.prototype.CLOSED, 3);
  assert.throws(() => new WebSocket(), TypeError);
  expectSyntaxError(() => new WebSocket('not a url'));
  expectSyntaxError(() => new WebSocket('ftp://127.0.0.1/'));
  expectSyntaxError(() => new WebSocket('ws://127.0.0.1/#frag'));
  expectSyntaxError(() => new WebSocket('ws://127.0.0.1/', ['a', 'a']));
  expectSyntaxError(() => new WebSocket('ws://127.0.0.1/', 'has space'));

  const accept = (req) => acceptKey(req.headers['sec-websocket-key']);
  const answers = {
    '/bad-accept': () => 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n' +
      'Connection: Upgrade\r\nSec-WebSocket-Accept: bm90IHRoZSByaWdodCBrZXk=\r\n\r\n',
    '/not-101': () => 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n',
    '/protocol': (req) => 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n' +
      `Connection: Upgrade\r\nSec-WebSocket-Accept: ${accept(req)}\r\n` +
      'Sec-WebSocket-Protocol: never-offered\r\n\r\n',
    '/extension': (req) => 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n' +
      `Connection: Upgrade\r\nSec-WebSocket-Accept: ${accept(req)}\r\n` +
      'Sec-WebSocket-Extensions: x-unknown\r\n\r\n',
  };
  const { server, url } = await startServer((peer) => peer.socket.end(), {
    answer: (req) => answers[req.url](req),
  });
  for (const path of Object.keys(answers)) await expectFailedHandshake(`${url}${path}`);

  // An http: URL is accepted and reported as ws:.
  const ws = new WebSocket(`${url.replace('ws:', 'http:')}/not-101`);
  assert.strictEqual(ws.url, `${url}/not-101`);
  assert.throws(() => ws.close(1001), (err) => err.name === 'InvalidAccessError');
  assert.throws(() => ws.close(1000, 'x'.repeat(124)), (err) => err.name === 'SyntaxError');
  await once(ws, 'close');
  server.close();

  // Nobody listening.
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  await expectFailedHandshake(`ws://127.0.0.1:${port}/`);

  // close() while connecting fails the connection the same way.
  const early = new WebSocket(`ws://127.0.0.1:${port}/`);
  early.close();
  assert.strictEqual(early.readyState, WebSocket.CLOSING);
  const closed = await once(early, 'close');
  assert.strictEqual(closed.code, 1006);
  console.log('ok');
})().catch((err) => { console.error(err); process.exit(1); });
