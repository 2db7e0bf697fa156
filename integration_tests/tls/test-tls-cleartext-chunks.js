'use strict';
// Cleartext chunks a TLS socket emits keep their bytes after later reads (however the
// runtime allocates them), and a corked batch of thousands of small writes arrives whole
// with every callback run.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const fixture = (name) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const options = { key: fixture('test-server-key.pem'), cert: fixture('test-server-cert.pem') };

const MESSAGES = 200;
const CORKED = 3000;
const message = (i) => `message ${i} `.padEnd(40 + (i % 50), String.fromCharCode(97 + (i % 26)));
const corked = (i) => `c${i};`;
const expected = Array.from({ length: MESSAGES }, (_, i) => message(i)).join('') +
  Array.from({ length: CORKED }, (_, i) => corked(i)).join('');

let callbacks = 0;
const server = tls.createServer(options, (socket) => {
  let i = 0;
  // One message per turn of the loop, so that most arrive in reads of their own.
  const next = () => {
    if (i < MESSAGES) {
      socket.write(message(i++));
      setImmediate(next);
      return;
    }
    socket.cork();
    for (let j = 0; j < CORKED; j++) socket.write(corked(j), () => callbacks++);
    socket.uncork();
    socket.end();
  };
  next();
});

server.listen(0, '127.0.0.1', () => {
  const client = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
  });
  const chunks = [];
  const copies = [];
  client.on('data', (chunk) => {
    chunks.push(chunk);
    copies.push(Buffer.from(chunk));
  });
  client.on('end', () => {
    assert.ok(chunks.length > 1);
    chunks.forEach((chunk, i) => assert.deepStrictEqual(chunk, copies[i], `chunk ${i} changed`));
    assert.strictEqual(Buffer.concat(chunks).toString(), expected);
    assert.strictEqual(callbacks, CORKED);
    server.close();
    console.log('ok');
  });
});
