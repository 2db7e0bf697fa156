'use strict';
// Handle passing between a parent and a forked child: a listening net.Server sent to
// the child answers connections there; a connected net.Socket accepted in the parent is
// sent to the child, which writes the reply.
const assert = require('node:assert');
const { fork } = require('node:child_process');
const net = require('node:net');

if (process.argv[2] === 'child') {
  let server;
  process.on('message', (msg, handle) => {
    if (msg === 'server') {
      assert.ok(handle instanceof net.Server);
      server = handle;
      handle.on('connection', (socket) => socket.end(`server-in-child ${process.pid}`));
      process.send('server-ok');
    } else if (msg.type === 'socket') {
      assert.ok(handle instanceof net.Socket);
      handle.end(`socket-in-child ${msg.n}`);
    } else if (msg === 'bye') {
      server.close();
      process.disconnect();
    }
  });
  return;
}

function request(port) {
  return new Promise((resolve, reject) => {
    const client = net.connect(port, '127.0.0.1');
    let data = '';
    client.setEncoding('utf8');
    client.on('data', (chunk) => { data += chunk; });
    client.on('end', () => resolve(data));
    client.on('error', reject);
  });
}

const child = fork(__filename, ['child']);
const timeout = setTimeout(() => assert.fail('timed out'), 20000);

(async () => {
  // 1. A net.Server.
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const ok = new Promise((resolve) => child.once('message', resolve));
  child.send('server', server);
  assert.strictEqual(await ok, 'server-ok');
  server.close();  // The child keeps its own copy of the listening socket.
  const reply = await request(port);
  assert.strictEqual(reply, `server-in-child ${child.pid}`);

  // 2. Connected sockets accepted in the parent.
  const parentServer = net.createServer((socket) => {
    child.send({ type: 'socket', n: parentServer.count++ }, socket);
  });
  parentServer.count = 0;
  await new Promise((resolve) => parentServer.listen(0, '127.0.0.1', resolve));
  const replies = await Promise.all([0, 1, 2].map(() => request(parentServer.address().port)));
  assert.deepStrictEqual(replies.sort(),
                         ['socket-in-child 0', 'socket-in-child 1', 'socket-in-child 2']);
  parentServer.close();

  // 3. Something that is not a handle.
  assert.throws(() => child.send('x', {}), { code: 'ERR_INVALID_HANDLE_TYPE' });

  child.send('bye');
  child.on('exit', (code) => {
    assert.strictEqual(code, 0);
    clearTimeout(timeout);
  });
})();
