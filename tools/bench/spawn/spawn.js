'use strict';
// Child-process latency cases, timed inside the process (start-up excluded); prints one
// JSON line of milliseconds. Run by ./run, which alternates skua and node.
//   spawn_true: 200 sequential spawn('/bin/true'), each awaited until 'close'.
//   fork_ipc:   fork() this file, then 1,000 message round trips (send, await echo),
//               then disconnect; includes the child's start-up.
const { spawn, fork } = require('child_process');

if (process.argv[2] === 'echo') {
  process.on('message', (message) => process.send(message));
  return;
}

const kSpawns = 200;
const kMessages = 1000;

function spawnOnce() {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/true', [], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

async function spawnTrue() {
  const start = process.hrtime.bigint();
  for (let i = 0; i < kSpawns; i++) await spawnOnce();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function forkIpc() {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = fork(__filename, ['echo']);
    let received = 0;
    const payload = { seq: 0, text: 'round trip', list: [1, 2, 3] };
    child.on('message', () => {
      if (++received === kMessages) {
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        child.disconnect();
        child.on('exit', () => resolve(elapsed));
        return;
      }
      payload.seq = received;
      child.send(payload);
    });
    child.send(payload);
  });
}

(async () => {
  const result = { spawn_true: await spawnTrue(), fork_ipc: await forkIpc() };
  console.log(JSON.stringify(result));
})();
