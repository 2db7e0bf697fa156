'use strict';
// fs/promises FileHandle: read, write, readFile, writeFile, appendFile, stat, truncate,
// sync, chmod, close.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'fh');

(async () => {
  assert.strictEqual(fsp, fs.promises);
  const fh = await fsp.open(file, 'w+');
  assert.strictEqual(typeof fh.fd, 'number');
  const { bytesWritten, buffer } = await fh.write(Buffer.from('abcdef'));
  assert.strictEqual(bytesWritten, 6);
  assert.strictEqual(buffer.toString(), 'abcdef');
  await fh.write('gh');
  const out = Buffer.alloc(8);
  const r = await fh.read(out, 0, 8, 0);
  assert.strictEqual(r.bytesRead, 8);
  assert.strictEqual(out.toString(), 'abcdefgh');
  const r2 = await fh.read({ buffer: Buffer.alloc(3), position: 2 });
  assert.strictEqual(r2.buffer.toString(), 'cde');
  await fh.truncate(4);
  assert.strictEqual((await fh.stat()).size, 4);
  await fh.sync();
  await fh.datasync();
  await fh.chmod(0o600);
  await fh.close();
  await fh.close();  // closing twice is fine
  await assert.rejects(fh.stat(), { code: 'EBADF' });

  await fsp.writeFile(file, 'one');
  await fsp.appendFile(file, Buffer.from('two'));
  assert.strictEqual(await fsp.readFile(file, 'utf8'), 'onetwo');
  await fsp.writeFile(file, ['a', 'b', Buffer.from('c')]);
  assert.strictEqual(await fsp.readFile(file, { encoding: 'utf8' }), 'abc');

  const fh2 = await fsp.open(file, 'r+');
  assert.strictEqual(await fh2.readFile('utf8'), 'abc');
  await fh2.writeFile('Z');
  await fh2.close();
  assert.strictEqual(await fsp.readFile(file, 'utf8'), 'abcZ');

  await assert.rejects(fsp.open(path.join(tmp, 'missing')), { code: 'ENOENT', syscall: 'open' });
  await assert.rejects(fsp.readFile(file, { flag: 'bogus' }), { code: 'ERR_INVALID_ARG_VALUE' });
  await assert.rejects(fsp.writeFile(file, 42), { code: 'ERR_INVALID_ARG_TYPE' });
})().then(() => { process.exitCode = 0; });
