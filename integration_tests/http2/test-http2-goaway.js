'use strict';
// A server GOAWAY reaches the client with its code, last stream id and opaque data, and
// the stream it covers still completes.
const assert = require('assert');
const http2 = require('http2');

const server = http2.createServer();
let serverSession;
server.on('session', (session) => { serverSession = session; });
server.on('stream', (stream) => {
  stream.respond();
  stream.end('bye');
  stream.session.goaway(http2.constants.NGHTTP2_NO_ERROR, 1, Buffer.from('later'));
});

const events = [];
server.listen(0, () => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  function maybeFinish() {
    if (events.length < 2) return;
    serverSession.destroy();
    client.close();
    server.close();
  }
  client.on('goaway', (code, lastStreamID, opaqueData) => {
    assert.strictEqual(code, http2.constants.NGHTTP2_NO_ERROR);
    assert.strictEqual(lastStreamID, 1);
    assert.strictEqual(opaqueData.toString(), 'later');
    events.push('goaway');
    maybeFinish();
  });
  const req = client.request();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    assert.strictEqual(body, 'bye');
    events.push('end');
    maybeFinish();
  });
});
process.on('exit', () => {
  assert.deepStrictEqual(events.sort(), ['end', 'goaway']);
});
