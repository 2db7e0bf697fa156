'use strict';
// fs.promises.writeFile/appendFile: flag: null means the default flag, an aborted signal
// rejects even for an empty iterable, iterable chunks must be strings or views; and
// FileHandle.readLines() yields the file's lines.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { Readable } = require('stream');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-pwf-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'f');

(async () => {
  await fs.promises.writeFile(file, 'ab', { flag: null });
  await fs.promises.appendFile(file, 'c', { flag: null });
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abc');

  const spent = Readable.from([]);
  for await (const chunk of spent) void chunk;
  const controller = new AbortController();
  process.nextTick(() => controller.abort());
  await assert.rejects(fs.promises.writeFile(file, spent, { signal: controller.signal }),
                       { name: 'AbortError' });

  for (const bad of [42, {}, null, true]) {
    await assert.rejects(fs.promises.writeFile(file, [bad]), { code: 'ERR_INVALID_ARG_TYPE' });
  }

  fs.writeFileSync(file, '1\n\n2\n');
  const handle = await fs.promises.open(file);
  const lines = [];
  for await (const line of handle.readLines()) lines.push(line);
  await handle.close();
  assert.deepStrictEqual(lines, ['1', '', '2']);
})().then(() => {}, (err) => { process.exitCode = 1; throw err; });
