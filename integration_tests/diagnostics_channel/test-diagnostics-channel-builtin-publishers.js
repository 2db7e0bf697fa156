'use strict';
// Builtins publish on Node's named channels: udp.socket, child_process, and the four
// http client/server request/response channels, each with Node's message shape.
const assert = require('assert');
const dc = require('diagnostics_channel');
const dgram = require('dgram');
const http = require('http');
const net = require('net');
const { ChildProcess, spawn } = require('child_process');

const seen = [];
dc.subscribe('udp.socket', ({ socket }) => {
  assert.ok(socket instanceof dgram.Socket);
  seen.push('udp.socket');
});
dc.subscribe('child_process', ({ process: child }) => {
  assert.ok(child instanceof ChildProcess);
  seen.push('child_process');
});
dc.subscribe('http.client.request.start', ({ request }) => {
  assert.ok(request instanceof http.ClientRequest);
  seen.push('http.client.request.start');
});
dc.subscribe('http.client.response.finish', ({ request, response }) => {
  assert.ok(request instanceof http.ClientRequest);
  assert.ok(response instanceof http.IncomingMessage);
  seen.push('http.client.response.finish');
});
for (const name of ['http.server.request.start', 'http.server.response.finish']) {
  dc.subscribe(name, ({ request, response, socket, server }) => {
    assert.ok(request instanceof http.IncomingMessage);
    assert.ok(response instanceof http.ServerResponse);
    assert.ok(socket instanceof net.Socket);
    assert.ok(server instanceof http.Server);
    seen.push(name);
  });
}

dgram.createSocket('udp4').close();
spawn(process.execPath, ['-e', '0']).on('exit', () => {
  const server = http.createServer((req, res) => res.end('ok'));
  server.listen(0, () => {
    http.get(`http://127.0.0.1:${server.address().port}`, (res) => {
      res.resume();
      res.on('end', () => server.close());
    });
  });
});

process.on('exit', () => {
  assert.deepStrictEqual([...new Set(seen)].sort(), [
    'child_process',
    'http.client.request.start',
    'http.client.response.finish',
    'http.server.request.start',
    'http.server.response.finish',
    'udp.socket',
  ]);
});
