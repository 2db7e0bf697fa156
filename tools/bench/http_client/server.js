'use strict';
// The client benchmark's server, always run by node so that both clients talk to the
// same peer: GET /small answers 13 bytes (keep-alive), GET /big streams 100 MiB.
const http = require('http');

const chunk = Buffer.alloc(1024 * 1024, 'x');
const server = http.createServer((req, res) => {
  if (req.url === '/big') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream',
                         'Content-Length': 100 * chunk.length });
    let sent = 0;
    const pump = () => {
      while (sent < 100) {
        sent++;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end();
    };
    pump();
  } else {
    res.end('Hello, World!');
  }
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
