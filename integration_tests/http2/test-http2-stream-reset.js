'use strict';
// A stream reset by either side reaches the other with its error code; the session
// keeps serving other streams.
const assert = require('assert');
const http2 = require('http2');
const { NGHTTP2_CANCEL, NGHTTP2_REFUSED_STREAM } = http2.constants;

const seen = [];
const server = http2.createServer();
server.on('stream', (stream, headers) => {
  if (headers[':path'] === '/refuse') {
    stream.on('error', (err) => assert.strictEqual(err.code, 'ERR_HTTP2_STREAM_ERROR'));
    stream.close(NGHTTP2_REFUSED_STREAM);
  } else if (headers[':path'] === '/hang') {
    stream.on('close', () => {
      seen.push(`server-hang-close:${stream.rstCode}`);
      const req = client.request({ ':path': '/ok' });
      req.on('response', (h) => {
        assert.strictEqual(h[':status'], 200);
        seen.push('ok');
        req.resume();
        req.on('end', () => {
          assert.deepStrictEqual(seen, [
            `refused:${NGHTTP2_REFUSED_STREAM}:ERR_HTTP2_STREAM_ERROR`,
            `server-hang-close:${NGHTTP2_CANCEL}`,
            'ok',
          ]);
          client.close();
          server.close();
        });
      });
    });
    stream.respond();
    stream.write('partial');
  } else {
    stream.respond();
    stream.end('fine');
  }
});

let client;
server.listen(0, () => {
  client = http2.connect(`http://localhost:${server.address().port}`);
  const refused = client.request({ ':path': '/refuse' });
  refused.on('error', (err) => {
    seen.push(`refused:${refused.rstCode}:${err.code}`);
    const hang = client.request({ ':path': '/hang' });
    hang.once('data', () => hang.close(NGHTTP2_CANCEL));
  });
});
process.on('exit', (code) => {
  if (code === 0) assert.strictEqual(seen.length, 3);
});
