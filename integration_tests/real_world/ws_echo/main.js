// A WebSocket echo server and a client, both from the `ws` package, over a real socket:
// text and binary frames, a large (fragmented, permessage-deflate) message, ping/pong,
// a server attached to an http.Server, and a clean close with code and reason.
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const { WebSocketServer, WebSocket } = require('ws');

// Each side logs into its own list, printed at the end: the interleaving of the two sides
// depends on scheduling, their own order does not.
const serverLog = [];
const clientLog = [];
const server = http.createServer((req, res) => res.end('plain http\n'));
const wss = new WebSocketServer({ server, perMessageDeflate: { threshold: 64 } });

wss.on('connection', (socket, req) => {
  serverLog.push(`connection on ${req.url} protocol ${socket.protocol}`);
  socket.on('message', (data, isBinary) => {
    socket.send(isBinary ? data : `echo: ${data}`, { binary: isBinary });
  });
  socket.on('ping', (data) => serverLog.push(`ping ${data}`));
  socket.on('close', (code, reason) => serverLog.push(`close ${code} ${reason}`));
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/chat?room=1`, ['echo-v1']);
  const big = crypto.createHash('sha256').update('seed').digest('hex').repeat(4096);
  const expected = [
    (d, bin) => clientLog.push(`text ${bin} ${d}`),
    (d, bin) => clientLog.push(`binary ${bin} ${[...d].join(',')}`),
    (d, bin) => clientLog.push(`big ${bin} ${d.length} ${d.toString() === `echo: ${big}`}`),
  ];
  ws.on('open', () => {
    clientLog.push(`open, extensions ${ws.extensions}`);
    ws.send('hello');
    ws.send(Buffer.from([1, 2, 3, 254, 255]));
    ws.send(big);
  });
  ws.on('pong', (data) => {
    clientLog.push(`pong ${data}`);
    ws.close(4000, 'done here');
  });
  ws.on('message', (data, isBinary) => {
    expected.shift()(data, isBinary);
    if (expected.length === 0) ws.ping('are you there');
  });
  ws.on('close', (code, reason) => {
    clientLog.push(`close ${code} ${reason}`);
    wss.close();
    server.close(() => {
      for (const line of clientLog) console.log('client:', line);
      for (const line of serverLog) console.log('server:', line);
      console.log('server closed');
    });
  });
  ws.on('error', (err) => { console.error('client error', err); process.exitCode = 1; });
});
