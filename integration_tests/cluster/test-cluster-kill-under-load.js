'use strict';
// Killing one cluster worker while requests are in flight loses no request accepted by
// the other: every request the surviving worker counted was answered, and requests keep
// being answered after the kill.
const assert = require('node:assert');
const cluster = require('node:cluster');
const http = require('node:http');

if (cluster.isWorker) {
  let accepted = 0;
  http.createServer((req, res) => {
    accepted++;
    res.end(`${process.pid}`);
  }).listen(0, '127.0.0.1');
  process.on('message', (msg) => {
    if (msg === 'count') process.send({ accepted });
  });
  return;
}

const timeout = setTimeout(() => assert.fail('timed out'), 60000);
const listening = (worker) => new Promise((resolve) => {
  worker.once('listening', (address) => resolve(address.port));
});

// A connection the primary had handed to the killed worker is never answered (as in
// Node): the idle timeout gives up on it. It cannot cut short an answer from the
// survivor, which replies at once.
function request(port) {
  return new Promise((resolve) => {
    const req = http.get({ port, host: '127.0.0.1', agent: false, timeout: 10000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve(body));
      res.on('error', () => resolve(null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

(async () => {
  const victim = cluster.fork();
  const survivor = cluster.fork();
  const [port] = await Promise.all([listening(victim), listening(survivor)]);
  const victimPid = String(victim.process.pid);
  const survivorPid = String(survivor.process.pid);
  const answered = new Map([[victimPid, 0], [survivorPid, 0]]);
  let killed = false;
  let afterKill = 0;
  const victimExit = new Promise((resolve) => victim.on('exit', (code, signal) => resolve(signal)));

  // Eight clients in a loop, each with a new connection per request.
  const client = async () => {
    while (afterKill < 40) {
      const body = await request(port);
      if (body === null) continue;
      answered.set(body, answered.get(body) + 1);
      if (killed && body === survivorPid) afterKill++;
      if (!killed && answered.get(victimPid) >= 10) {
        killed = true;
        victim.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  assert.strictEqual(await victimExit, 'SIGKILL');

  const { accepted } = await new Promise((resolve) => {
    survivor.once('message', resolve);
    survivor.send('count');
  });
  assert.ok(answered.get(victimPid) >= 10);
  assert.strictEqual(answered.get(survivorPid), accepted);
  survivor.on('exit', () => clearTimeout(timeout));
  survivor.kill();
})();
