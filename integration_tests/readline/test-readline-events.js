// 'pause'/'resume'/'close' events, and input split across chunks (a '\r' then '\n' in the
// next chunk is one line ending; a multi-byte character split between chunks is joined).
const assert = require('node:assert');
const { PassThrough } = require('node:stream');
const readline = require('node:readline');

const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
const events = [];
rl.on('line', (line) => events.push(`line:${line}`));
rl.on('pause', () => events.push('pause'));
rl.on('resume', () => events.push('resume'));
rl.on('close', () => events.push('close'));

input.write('one\r');
input.write('\ntwo\n');
rl.pause();
assert.strictEqual(input.isPaused(), true);
rl.resume();
const snowman = Buffer.from('☃\n');
input.write(snowman.subarray(0, 1));
input.write(snowman.subarray(1));
input.end('three');
process.on('exit', () => {
  assert.deepStrictEqual(events, [
    'line:one', 'line:two', 'pause', 'resume', 'line:☃', 'line:three', 'pause', 'close',
  ]);
});
