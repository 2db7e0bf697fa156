'use strict';
// Protocol errors from the server fail the connection: the client sends a close frame with
// the RFC 6455 code (1002 protocol error, 1007 bad UTF-8, 1009 too big), fires 'error',
// then 'close' with wasClean false and code 1006 — and the process carries on.
if (typeof WebSocket === 'undefined' && !process.versions.skua) {
  console.log('skip: this Node has no global WebSocket');
  return;
}
const assert = require('assert');
const { startServer, frame, once } = require('./fixtures/ws_server');

const hugeLength = Buffer.from([0x82, 127, 0, 0, 0x40, 0, 0, 0, 0, 0]);  // 2^46 bytes.
const topBitLength = Buffer.from([0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 1]);
const cases = {
  'masked': [frame(1, 'hi', { mask: true }), 1002],
  'rsv': [frame(1, 'hi', { rsv: 4 }), 1002],
  'opcode': [frame(3, 'hi'), 1002],
  'long-ping': [frame(9, Buffer.alloc(126)), 1002],
  'fragmented-ping': [frame(9, 'p', { fin: false }), 1002],
  'lone-continuation': [frame(0, 'hi'), 1002],
  'interleaved': [Buffer.concat([frame(1, 'a', { fin: false }), frame(1, 'b')]), 1002],
  'bad-close-code': [frame(8, Buffer.from([0x03, 0xe7])), 1002],
  'one-byte-close': [frame(8, Buffer.from([3])), 1002],
  'bad-utf8': [frame(1, Buffer.from([0x68, 0xff, 0xfe])), 1007],
  'huge-length': [hugeLength, 1009],
  'top-bit-length': [topBitLength, 1002],
};

(async () => {
  const peers = new Map();
  const { server, url } = await startServer((peer) => {
    if (peer.request.url === '/fine') {
      peer.write(frame(1, 'still fine'));
      // Answer the client's close with an empty close frame, then end TCP.
      peer.next().then(() => { peer.write(frame(8)); peer.socket.end(); });
      return;
    }
    const [bytes] = cases[peer.request.url.slice(1)];
    peer.write(bytes);
    peers.set(peer.request.url.slice(1), peer);
  });
  for (const [name, [, code]] of Object.entries(cases)) {
    const ws = new WebSocket(`${url}/${name}`);
    const events = [];
    let messages = 0;
    ws.onmessage = () => messages++;
    ws.addEventListener('open', () => events.push('open'));
    ws.addEventListener('error', () => events.push('error'));
    const closed = await once(ws, 'close');
    events.push('close');
    assert.deepStrictEqual(events, ['open', 'error', 'close'], name);
    assert.strictEqual(closed.wasClean, false, name);
    assert.strictEqual(closed.code, 1006, name);
    assert.strictEqual(ws.readyState, WebSocket.CLOSED, name);
    assert.strictEqual(messages, 0, name);
    const reply = await peers.get(name).next();
    assert.ok(reply && reply.opcode === 8, `${name}: no close frame`);
    assert.strictEqual(reply.code, code, name);
  }

  // The client still works after all that.
  const ws = new WebSocket(`${url}/fine`);
  assert.strictEqual((await once(ws, 'message')).data, 'still fine');
  ws.close();
  assert.strictEqual((await once(ws, 'close')).code, 1005);
  server.close();
  console.log('ok');
})().catch((err) => { console.error(err); process.exit(1); });
