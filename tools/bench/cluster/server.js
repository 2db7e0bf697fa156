'use strict';
// The cluster benchmark's server (tools/bench/cluster/run): a hello-world HTTP server,
// either in this one process (`single`) or in N cluster workers behind the primary
// (`cluster N`, round-robin scheduling, Node's default on Linux). Prints the port once
// every process listens.
const cluster = require('cluster');
const http = require('http');

const [mode = 'single', count = '2'] = process.argv.slice(2);

function serve(port, onListening) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Hello, World!');
  });
  server.listen(port, '127.0.0.1', () => onListening(server.address().port));
}

if (mode === 'single') {
  serve(0, (port) => console.log(port));
} else if (cluster.isPrimary) {
  // Workers cannot share port 0 with each other, so the primary picks a free port first.
  const probe = require('net').createServer().listen(0, '127.0.0.1', () => {
    const port = probe.address().port;
    probe.close(() => {
      let listening = 0;
      for (let i = 0; i < Number(count); i++) {
        cluster.fork({ BENCH_PORT: String(port) }).on('listening', () => {
          if (++listening === Number(count)) console.log(port);
        });
      }
    });
  });
} else {
  serve(Number(process.env.BENCH_PORT), () => {});
}
