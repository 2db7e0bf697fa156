'use strict';
// Server-initiated endings: a close frame with code and reason is echoed and gives a clean
// close event with that code; an empty close frame gives 1005; a TCP drop without any close
// frame gives an unclean 1006. onclose/onerror attributes see the same events.
if (typeof WebSocket === 'undefined' && !process.versions.skua) {
  console.log('skip: this Node has no global WebSocket');
  return;
}
const assert = require('assert');
const { startServer, frame, closeFrame, once } = require('./fixtures/ws_server');

(async () => {
  const { server, url } = await startServer(async (peer) => {
    await new Promise((resolve) => setImmediate(resolve));
    switch (peer.request.url) {
      case '/going-away': {
        peer.write(closeFrame(1001, 'going away'));
        const echo = await peer.next();
        assert.strictEqual(echo.opcode, 8);
        assert.strictEqual(echo.code, 1001);
        assert.strictEqual(echo.masked, true);
        peer.socket.end();
        break;
      }
      case '/empty-close': {
        peer.write(frame(8));
        const echo = await peer.next();
        assert.strictEqual(echo.opcode, 8);
        assert.strictEqual(echo.payload.length, 0);
        peer.socket.end();
        break;
      }
      case '/drop':
        peer.socket.destroy();
        break;
    }
  });

  const away = new WebSocket(`${url}/going-away`);
  let closes = 0;
  away.onclose = () => closes++;
  await once(away, 'open');
  let event = await once(away, 'close');
  assert.strictEqual(closes, 1);
  assert.strictEqual(event.wasClean, true);
  assert.strictEqual(event.code, 1001);
  assert.strictEqual(event.reason, 'going away');
  away.close();  // Already closed: nothing happens.
  assert.strictEqual(away.readyState, WebSocket.CLOSED);

  const empty = new WebSocket(`${url}/empty-close`);
  event = await once(empty, 'close');
  assert.strictEqual(event.wasClean, true);
  assert.strictEqual(event.code, 1005);
  assert.strictEqual(event.reason, '');

  const drop = new WebSocket(`${url}/drop`);
  await once(drop, 'open');
  event = await once(drop, 'close');
  assert.strictEqual(event.wasClean, false);
  assert.strictEqual(event.code, 1006);
  server.close();
  console.log('ok');
})().catch((err) => { console.error(err); process.exit(1); });
