'use strict';
// The HTTP benchmark's server (tools/bench/http/run): `hello` answers "Hello, World!",
// `64k` a 64 KiB body, `json` echoes a posted JSON document re-serialised. Listens on a
// free loopback port and prints it. `https` is hello world over TLS.
const http = require('http');

const mode = process.argv[2] || 'hello';
const big = Buffer.alloc(64 * 1024, 'x');

const handlers = {
  hello(req, res) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('Hello, World!');
  },
  '64k'(req, res) {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': big.length });
    res.end(big);
  },
  json(req, res) {
    const chunks = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => {
      const value = JSON.parse(Buffer.concat(chunks).toString());
      const body = JSON.stringify({ echo: value });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  },
};

// `https`: hello world over TLS with the key and certificate named by SKUA_BENCH_KEY
// and SKUA_BENCH_CERT (the runner generates a throwaway pair).
const server = mode === 'https' ?
  require('https').createServer({
    key: require('fs').readFileSync(process.env.SKUA_BENCH_KEY),
    cert: require('fs').readFileSync(process.env.SKUA_BENCH_CERT),
  }, handlers.hello) :
  http.createServer(handlers[mode]);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
