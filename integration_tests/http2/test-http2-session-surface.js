'use strict';
// Session and stream surface details that Node's own http2 tests rely on: the guarded
// socket proxy, util.promisify(connect), session destroy codes reaching streams, 1xx
// 'headers' events, util.inspect showing state, compat header and end() rules, and
// perf_hooks' 'http2' entries (whose frame counts show END_STREAM packed on the last DATA),
// running out of stream IDs, and compat writes after the stream closed.

const assert = require('assert');
const http2 = require('http2');
const net = require('net');
const util = require('util');
const { PerformanceObserver } = require('perf_hooks');

function listen(server) {
  return new Promise((resolve) => server.listen(0, () => resolve(server.address().port)));
}

function closed(emitter) {
  return new Promise((resolve) => emitter.once('close', resolve));
}

async function socketProxy() {
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.respond();
    stream.end('ok');
  });
  const port = await listen(server);
  const connect = util.promisify(http2.connect);
  const client = await connect(`http://localhost:${port}`);
  assert.strictEqual(typeof client.request, 'function');
  const socket = client.socket;
  assert.strictEqual(typeof socket.remotePort, 'number');
  assert.ok(socket instanceof net.Socket);
  assert.throws(() => socket.write('x'), { code: 'ERR_HTTP2_NO_SOCKET_MANIPULATION' });
  assert.throws(() => socket.destroy(), { code: 'ERR_HTTP2_NO_SOCKET_MANIPULATION' });
  const req = client.request();
  req.resume();
  const insp = util.inspect(req);
  assert.match(insp, /^Http2Stream /);
  assert.match(insp, / {2}state:/);
  assert.match(util.inspect(client), /^Http2Session /);
  await closed(req);
  client.close();
  server.close();
  await closed(client);
  assert.throws(() => socket.remotePort, { code: 'ERR_HTTP2_SOCKET_UNBOUND' });
  assert.throws(() => { socket.foo = 1; }, { code: 'ERR_HTTP2_SOCKET_UNBOUND' });
  assert.throws(() => socket instanceof net.Socket, { code: 'ERR_HTTP2_SOCKET_UNBOUND' });
}

async function destroyCode() {
  const code = http2.constants.NGHTTP2_REFUSED_STREAM;
  const server = http2.createServer();
  const serverDone = new Promise((resolve) => {
    server.on('stream', (stream) => {
      const session = stream.session;
      session.on('error', () => {});
      stream.on('error', (err) => {
        assert.match(err.message, /Session closed with error code 7/);
        assert.strictEqual(session.closed, false);
        assert.strictEqual(session.destroyed, true);
        assert.strictEqual(stream.rstCode, code);
        resolve();
      });
      session.destroy(code);
    });
  });
  const port = await listen(server);
  const client = http2.connect(`http://localhost:${port}`);
  client.on('error', (err) => assert.match(err.message, /error code 7/));
  const req = client.request();
  const clientErr = new Promise((resolve) => req.on('error', resolve));
  const err = await clientErr;
  assert.match(err.message, /Session closed with error code 7/);
  assert.strictEqual(req.rstCode, code);
  await serverDone;
  server.close();
}

async function infoHeadersAndTimeout() {
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.additionalHeaders({ ':status': 100 });
    stream.additionalHeaders({ ':status': 103, link: '</a.css>' });
    stream.respond({ ':status': 200 });
    stream.end('done');
  });
  const port = await listen(server);
  const client = http2.connect(`http://localhost:${port}`);
  let timeouts = 0;
  client.setTimeout(1, () => timeouts++);
  const req = client.request();
  const seen = [];
  req.on('headers', (headers) => seen.push(headers[':status']));
  let continued = 0;
  req.on('continue', () => continued++);
  req.resume();
  await closed(req);
  assert.deepStrictEqual(seen, [100, 103]);
  assert.strictEqual(continued, 1);
  // The callback given to setTimeout is a one-time listener, however often the socket
  // goes idle afterwards.
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.ok(timeouts <= 1);
  client.close();
  server.close();
}

async function compat() {
  let finishCb = false;
  const server = http2.createServer((req, res) => {
    assert.throws(() => res.setHeader('foo-bar', null), {
      code: 'ERR_HTTP2_INVALID_HEADER_VALUE',
      name: 'TypeError',
      message: 'Invalid value "null" for header "foo-bar"',
    });
    res.removeHeader('Date');
    assert.strictEqual(res.sendDate, false);
    // A HEAD response ended with a body still calls back, once the stream closes; the
    // request body nobody read still ends.
    req.on('end', () => {});
    res.end('data', () => { finishCb = true; });
  });
  const port = await listen(server);
  const client = http2.connect(`http://localhost:${port}`);
  const req = client.request({ ':method': 'HEAD' });
  let headers;
  req.on('response', (h) => { headers = h; });
  req.on('data', () => assert.fail('HEAD has no body'));
  req.end();
  req.resume();
  await closed(req);
  assert.strictEqual(headers[':status'], 200);
  assert.strictEqual(headers.date, undefined);
  client.close();
  server.close();
  await closed(server);
  assert.strictEqual(finishCb, true);
}

async function perfEntries() {
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.respond({ ':status': 200 });
    stream.end('OK');
  });
  const port = await listen(server);
  const entries = [];
  const obs = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  obs.observe({ type: 'http2' });
  const client = http2.connect(`http://localhost:${port}`);
  const req = client.request();
  req.resume();
  await closed(req);
  client.close();
  await closed(client);
  server.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  obs.disconnect();
  const session = entries.find((e) => e.name === 'Http2Session' && e.detail.type === 'client');
  assert.ok(session, 'a client Http2Session entry');
  assert.strictEqual(session.entryType, 'http2');
  assert.strictEqual(typeof session.startTime, 'number');
  assert.strictEqual(typeof session.duration, 'number');
  assert.strictEqual(session.detail.streamCount, 1);
  // SETTINGS, SETTINGS ack, HEADERS, and one DATA frame that also ends the stream.
  assert.strictEqual(session.detail.framesReceived, 4);
  assert.ok(session.detail.framesSent >= 3);
  const stream = entries.find((e) => e.name === 'Http2Stream');
  assert.ok(stream, 'an Http2Stream entry');
  assert.strictEqual(typeof stream.detail.bytesRead, 'number');
}

async function outOfStreams() {
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.respond();
    stream.end('ok');
  });
  const port = await listen(server);
  const client = http2.connect(`http://localhost:${port}`);
  await new Promise((resolve) => client.once('connect', resolve));
  client.setNextStreamID(2 ** 31 - 1);
  const last = client.request();
  assert.strictEqual(last.id, 2 ** 31 - 1);
  last.resume();
  // No ID is left: the request is still returned, and fails on its own 'error'.
  const failed = client.request();
  const err = await new Promise((resolve) => failed.on('error', resolve));
  assert.strictEqual(err.code, 'ERR_HTTP2_OUT_OF_STREAMS');
  await closed(last);
  assert.strictEqual(client.destroyed, false);
  client.close();
  server.close();
}

async function compatWriteAfterClose() {
  const server = http2.createServer();
  const port = await listen(server);
  const client = http2.connect(`http://localhost:${port}`);
  const req = client.request();
  req.resume();
  const [err, destroyedWrite] = await new Promise((resolve) => {
    server.once('request', (request, response) => {
      assert.strictEqual(response.write('one', 'utf8'), true);
      response.stream.close(0, () => {
        response.on('error', () => assert.fail('no error on the response'));
        response.write('two', (e) => resolve([e, response.write('three')]));
      });
    });
  });
  assert.strictEqual(err.code, 'ERR_HTTP2_INVALID_STREAM');
  assert.strictEqual(destroyedWrite, false);
  client.destroy();
  server.close();
}

(async () => {
  await compatWriteAfterClose();
  await outOfStreams();
  await perfEntries();
  await socketProxy();
  await destroyCode();
  await infoHeadersAndTimeout();
  await compat();
})().then(() => console.log('ok'));
