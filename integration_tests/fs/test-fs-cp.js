'use strict';
// cp / cpSync / promises.cp: trees, filter, force/errorOnExist, symlinks, refusals.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const src = path.join(tmp, 'src');
fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
fs.writeFileSync(path.join(src, 'a.txt'), 'A');
fs.writeFileSync(path.join(src, 'sub', 'b.log'), 'B');
fs.symlinkSync('a.txt', path.join(src, 'ln'));

assert.throws(() => fs.cpSync(src, path.join(tmp, 'x')), { code: 'ERR_FS_EISDIR' });
assert.throws(() => fs.cpSync(src, path.join(src, 'sub', 'inner'), { recursive: true }),
  { code: 'ERR_FS_CP_EINVAL' });
assert.throws(() => fs.cpSync(src, src, { recursive: true }), { code: 'ERR_FS_CP_EINVAL' });

const d1 = path.join(tmp, 'd1');
fs.cpSync(src, d1, { recursive: true });
assert.strictEqual(fs.readFileSync(path.join(d1, 'sub', 'b.log'), 'utf8'), 'B');
assert.strictEqual(fs.readlinkSync(path.join(d1, 'ln')), path.join(src, 'a.txt'));

const d2 = path.join(tmp, 'd2');
fs.cpSync(src, d2, { recursive: true, filter: (s) => !s.endsWith('.log') });
assert.ok(fs.existsSync(path.join(d2, 'sub')));
assert.ok(!fs.existsSync(path.join(d2, 'sub', 'b.log')));

// A single file; then force: false keeps the old one, errorOnExist refuses.
const f = path.join(tmp, 'f.txt');
fs.cpSync(path.join(src, 'a.txt'), f);
fs.writeFileSync(f, 'old');
fs.cpSync(path.join(src, 'a.txt'), f, { force: false });
assert.strictEqual(fs.readFileSync(f, 'utf8'), 'old');
assert.throws(() => fs.cpSync(path.join(src, 'a.txt'), f, { force: false, errorOnExist: true }),
  { code: 'ERR_FS_CP_EEXIST' });
fs.cpSync(path.join(src, 'a.txt'), f);
assert.strictEqual(fs.readFileSync(f, 'utf8'), 'A');
assert.throws(() => fs.cpSync(path.join(src, 'a.txt'), d1), { code: 'ERR_FS_CP_NON_DIR_TO_DIR' });

let done = 0;
fs.cp(src, path.join(tmp, 'd3'), { recursive: true }, (err) => {
  assert.ifError(err);
  assert.strictEqual(fs.readFileSync(path.join(tmp, 'd3', 'a.txt'), 'utf8'), 'A');
  done++;
});
fs.promises.cp(src, path.join(tmp, 'd4'), {
  recursive: true,
  filter: async (s) => !s.endsWith('a.txt'),
}).then(() => {
  assert.ok(!fs.existsSync(path.join(tmp, 'd4', 'a.txt')));
  assert.ok(fs.existsSync(path.join(tmp, 'd4', 'sub', 'b.log')));
  done++;
});
fs.promises.cp(path.join(tmp, 'missing'), path.join(tmp, 'd5')).then(assert.fail, (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  done++;
});
process.on('exit', () => assert.strictEqual(done, 3));
