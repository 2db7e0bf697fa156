'use strict';
// Path arguments: strings, Buffers, file: URLs; null bytes and wrong types rejected.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'p');
fs.writeFileSync(Buffer.from(file), 'buf');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'buf');
assert.ok(fs.statSync(Buffer.from(file)).isFile());

const url = new URL(`file://${file}`);
assert.strictEqual(fs.readFileSync(url, 'utf8'), 'buf');
assert.ok(fs.existsSync(url));
assert.throws(() => fs.readFileSync(new URL('http://example.com/x')),
  { code: 'ERR_INVALID_URL_SCHEME' });

assert.throws(() => fs.readFileSync('a\0b'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'path' must be a string, Uint8Array, or URL without null bytes. " +
    "Received 'a\\x00b'",
});
assert.throws(() => fs.statSync(Buffer.from('a\0b')), { code: 'ERR_INVALID_ARG_VALUE' });
for (const bad of [undefined, null, 42, {}, true]) {
  assert.throws(() => fs.statSync(bad), { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}
assert.throws(() => fs.stat('x'), { code: 'ERR_INVALID_ARG_TYPE' });  // no callback
assert.throws(() => fs.renameSync(file, 7), /"newPath" argument/);
fs.promises.stat(42).then(assert.fail, (err) => assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE'));
