'use strict';
// cp/cpSync validate their options as Node 20 does: every flag a boolean, mode a copyFile
// mode, and dereference with verbatimSymlinks refused.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-cpopt-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const src = path.join(tmp, 'src');
fs.writeFileSync(src, 'x');

for (const value of [1, [], {}, null, undefined, '', () => {}]) {
  assert.throws(() => fs.cpSync(src, src, { verbatimSymlinks: value }),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.cpSync(src, src, { recursive: value }), { code: 'ERR_INVALID_ARG_TYPE' });
}
assert.throws(() => fs.cpSync('a', 'b', { mode: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.cpSync(src, src, { dereference: true, verbatimSymlinks: true }),
              { code: 'ERR_INCOMPATIBLE_OPTION_PAIR' });
assert.throws(() => fs.cp(src, src, { force: 'yes' }, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });

fs.cpSync(src, path.join(tmp, 'dest'), { mode: fs.constants.COPYFILE_EXCL });
assert.strictEqual(fs.readFileSync(path.join(tmp, 'dest'), 'utf8'), 'x');
