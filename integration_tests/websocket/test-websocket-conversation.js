'use strict';
// The global WebSocket (Node 22, ahead of Node 20) against a hand-written server: handshake
// and subprotocol, masked text/binary/Blob/large sends, bufferedAmount, server text and
// binary messages for both binaryTypes, fragmentation with a ping in between, and a clean
// client-initiated close with code and reason.
if (typeof WebSocket === 'undefined' && !process.versions.skua) {
  console.log('skip: this Node has no global WebSocket');
  return;
}
const assert = require('assert');
const { startServer, frame, closeFrame, once } = require('./fixtures/ws_server');

function until(condition) {
  return new Promise((resolve) => {
    const check = () => (condition() ? resolve() : setImmediate(check));
    check();
  });
}

(async () => {
  let gotPeer;
  const peerReady = new Promise((resolve) => { gotPeer = resolve; });
  const { server, url } = await startServer((peer) => gotPeer(peer));
  const ws = new WebSocket(`${url}/chat?room=1`, ['chat', 'superchat']);
  assert.strictEqual(ws.readyState, WebSocket.CONNECTING);
  assert.strictEqual(ws.url, `${url}/chat?room=1`);
  assert.strictEqual(ws.binaryType, 'blob');
  assert.throws(() => ws.send('too early'), { name: 'InvalidStateError' });
  let opens = 0;
  ws.onopen = () => opens++;
  await once(ws, 'open');
  const peer = await peerReady;
  assert.strictEqual(opens, 1);
  assert.strictEqual(ws.readyState, WebSocket.OPEN);
  assert.strictEqual(ws.protocol, 'chat');
  assert.strictEqual(ws.extensions, '');
  assert.strictEqual(peer.request.url, '/chat?room=1');
  assert.strictEqual(peer.request.headers['sec-websocket-version'], '13');
  assert.strictEqual(peer.request.headers['sec-websocket-protocol'], 'chat, superchat');

  // Client frames: masked, one frame per message, in send order (a Blob included).
  ws.send('héllo');
  ws.send(new Uint8Array([1, 2, 3]).subarray(1));
  ws.send(new Uint16Array([0x0102]).buffer);
  ws.send(new Blob(['blob-data']));
  ws.send('after the blob');
  const big = new Uint8Array(70000).fill(7);
  ws.send(big);
  assert.ok(ws.bufferedAmount >= 70000, `bufferedAmount ${ws.bufferedAmount}`);
  const expected = [
    [1, Buffer.from('héllo')], [2, Buffer.from([2, 3])], [2, Buffer.from([2, 1])],
    [2, Buffer.from('blob-data')], [1, Buffer.from('after the blob')], [2, Buffer.from(big)],
  ];
  for (const [opcode, payload] of expected) {
    const f = await peer.next();
    assert.strictEqual(f.masked, true);
    assert.strictEqual(f.fin, true);
    assert.strictEqual(f.opcode, opcode);
    assert.deepStrictEqual(f.payload, payload);
  }
  await until(() => ws.bufferedAmount === 0);

  // Server messages.
  peer.write(frame(1, 'from server'));
  let event = await once(ws, 'message');
  assert.strictEqual(event.data, 'from server');
  assert.strictEqual(event.origin, new URL(url).origin);
  ws.binaryType = 'arraybuffer';
  assert.strictEqual(ws.binaryType, 'arraybuffer');
  peer.write(frame(2, [9, 8, 7]));
  event = await once(ws, 'message');
  assert.ok(event.data instanceof ArrayBuffer);
  assert.deepStrictEqual([...new Uint8Array(event.data)], [9, 8, 7]);
  ws.binaryType = 'blob';
  peer.write(frame(2, 'xyz'));
  event = await once(ws, 'message');
  assert.ok(event.data instanceof Blob);
  assert.strictEqual(await event.data.text(), 'xyz');

  // A fragmented text message with a ping between fragments: one message, one pong.
  const messages = [];
  ws.onmessage = (e) => messages.push(e.data);
  assert.strictEqual(typeof ws.onmessage, 'function');
  peer.write(Buffer.concat([frame(1, 'frag', { fin: false }), frame(9, 'p1'),
                            frame(0, 'men', { fin: false }), frame(0, 'ted')]));
  const pong = await peer.next();
  assert.strictEqual(pong.opcode, 0xa);
  assert.strictEqual(pong.payload.toString(), 'p1');
  await until(() => messages.length === 1);
  assert.deepStrictEqual(messages, ['fragmented']);

  // Client-initiated close handshake.
  ws.close(4000, 'bye');
  assert.strictEqual(ws.readyState, WebSocket.CLOSING);
  ws.send('late');  // Neither sent nor thrown.
  const closing = await peer.next();
  assert.strictEqual(closing.opcode, 8);
  assert.strictEqual(closing.code, 4000);
  assert.strictEqual(closing.reason, 'bye');
  peer.write(closeFrame(4000, 'bye'));
  peer.socket.end();  // The server closes TCP first (RFC 6455 7.1.1).
  const closed = await once(ws, 'close');
  assert.strictEqual(closed.wasClean, true);
  assert.strictEqual(closed.code, 4000);
  assert.strictEqual(closed.reason, 'bye');
  assert.strictEqual(ws.readyState, WebSocket.CLOSED);
  assert.strictEqual(await peer.next(), null);
  server.close();
  console.log('ok');
})().catch((err) => { console.error(err); process.exit(1); });
