'use strict';
// stdin and stdout as pipes: process.stdin is a net.Socket reading the piped input to
// its end; process.stdout is a net.Socket, and a small write just before process.exit()
// is not lost.
const assert = require('assert');
const { spawnSync } = require('child_process');

const echo = spawnSync(process.execPath, ['-e', `
  const net = require('net');
  let data = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { data += chunk; });
  process.stdin.on('end', () => {
    console.log(JSON.stringify({
      data,
      stdinIsSocket: process.stdin instanceof net.Socket,
      stdoutIsSocket: process.stdout instanceof net.Socket,
      isTTY: process.stdout.isTTY,
    }));
  });
`], { input: 'first line\nsecond line\n', encoding: 'utf8' });
assert.strictEqual(echo.stderr, '');
assert.strictEqual(echo.status, 0);
assert.deepStrictEqual(JSON.parse(echo.stdout), {
  data: 'first line\nsecond line\n', stdinIsSocket: true, stdoutIsSocket: true,
});

// A large write drains before a natural exit.
const size = 1024 * 1024;
const big = spawnSync(process.execPath, ['-e', `process.stdout.write('y'.repeat(${size}));`],
                      { encoding: 'utf8', maxBuffer: 4 * size });
assert.strictEqual(big.status, 0);
assert.strictEqual(big.stdout.length, size);

// A small write survives an immediate process.exit().
const small = spawnSync(process.execPath, ['-e', `
  process.stdout.write('z'.repeat(16 * 1024));
  process.exit(0);
`], { encoding: 'utf8' });
assert.strictEqual(small.status, 0);
assert.strictEqual(small.stdout, 'z'.repeat(16 * 1024));

// An idle stdin pipe does not keep the process alive; pause() lets it exit.
const paused = spawnSync(process.execPath, ['-e', `
  process.stdin.once('data', (chunk) => {
    process.stdin.pause();
    console.log('got', chunk.length > 0);
  });
`], { input: 'abc', encoding: 'utf8' });
assert.strictEqual(paused.stdout, 'got true\n');
assert.strictEqual(paused.status, 0);
