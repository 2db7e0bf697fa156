'use strict';
// opendir and fs.Dir: sync reads, callback and promise reads, async iteration, close.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const names = [];
for (let i = 0; i < 50; i++) {
  names.push(`f${i}`);
  fs.writeFileSync(path.join(tmp, `f${i}`), '');
}
names.sort();

const dir = fs.opendirSync(tmp);
assert.strictEqual(dir.path, tmp);
const seen = [];
let entry;
while ((entry = dir.readSync()) !== null) {
  assert.ok(entry.isFile());
  seen.push(entry.name);
}
assert.deepStrictEqual(seen.sort(), names);
dir.closeSync();
assert.throws(() => dir.readSync(), { code: 'ERR_DIR_CLOSED' });
assert.throws(() => dir.closeSync(), { code: 'ERR_DIR_CLOSED' });

assert.throws(() => fs.opendirSync(path.join(tmp, 'missing')), { code: 'ENOENT', syscall: 'opendir' });

(async () => {
  const seen2 = [];
  for await (const dirent of await fs.promises.opendir(tmp)) seen2.push(dirent.name);
  assert.deepStrictEqual(seen2.sort(), names);

  const d2 = await fs.promises.opendir(tmp);
  const first = await d2.read();
  assert.ok(first.name.startsWith('f'));
  await d2.close();
  await assert.rejects(d2.close(), { code: 'ERR_DIR_CLOSED' });

  await new Promise((resolve) => {
    fs.opendir(tmp, (err, d3) => {
      assert.ifError(err);
      d3.read((err, dirent) => {
        assert.ifError(err);
        assert.ok(dirent.isFile());
        d3.close(resolve);
      });
    });
  });
})().then(() => { process.exitCode = 0; });
