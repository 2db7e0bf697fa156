'use strict';
// createReadStream / createWriteStream: ranges, pipe, events, errors.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const src = path.join(tmp, 'src');
const data = Buffer.alloc(300000);
for (let i = 0; i < data.length; i++) data[i] = i % 251;
fs.writeFileSync(src, data);
const steps = [];

const ws = fs.createWriteStream(path.join(tmp, 'copy'));
assert.ok(ws instanceof fs.WriteStream);
ws.on('open', (fd) => assert.strictEqual(typeof fd, 'number'));
pipeline(fs.createReadStream(src), ws, (err) => {
  assert.ifError(err);
  assert.ok(fs.readFileSync(path.join(tmp, 'copy')).equals(data));
  assert.strictEqual(ws.bytesWritten, data.length);
  steps.push('pipeline');
});

const ranged = [];
fs.createReadStream(src, { start: 10, end: 19 })
  .on('data', (chunk) => ranged.push(chunk))
  .on('end', () => {
    assert.ok(Buffer.concat(ranged).equals(data.subarray(10, 20)));
    steps.push('range');
  })
  .on('close', () => steps.push('close'));

let text = '';
fs.writeFileSync(path.join(tmp, 't'), 'héllo');
fs.createReadStream(path.join(tmp, 't'), { encoding: 'utf8', highWaterMark: 1 })
  .on('data', (s) => { text += s; })
  .on('end', () => {
    assert.strictEqual(text, 'héllo');
    steps.push('encoding');
  });

fs.createReadStream(path.join(tmp, 'missing')).on('error', (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
  steps.push('error');
});

const out = fs.createWriteStream(path.join(tmp, 'w'), { flags: 'w' });
out.write('a');
out.write(Buffer.from('b'));
out.end('c', () => {
  assert.strictEqual(fs.readFileSync(path.join(tmp, 'w'), 'utf8'), 'abc');
  steps.push('write');
});
assert.throws(() => fs.createReadStream(src, { start: 5, end: 2 }), { code: 'ERR_OUT_OF_RANGE' });

process.on('exit', () => {
  assert.deepStrictEqual(steps.sort(),
    ['close', 'encoding', 'error', 'pipeline', 'range', 'write']);
});
