'use strict';
// readFileSync / writeFileSync / appendFileSync with strings, buffers and encodings.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fs-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'a.txt');

fs.writeFileSync(file, 'héllo wörld');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'héllo wörld');
assert.strictEqual(fs.readFileSync(file, { encoding: 'utf8' }), 'héllo wörld');
const raw = fs.readFileSync(file);
assert.ok(Buffer.isBuffer(raw));
assert.strictEqual(raw.length, Buffer.byteLength('héllo wörld'));

fs.writeFileSync(file, Buffer.from([0, 1, 2, 255]));
assert.deepStrictEqual([...fs.readFileSync(file)], [0, 1, 2, 255]);
assert.strictEqual(fs.readFileSync(file, 'hex'), '000102ff');
assert.strictEqual(fs.readFileSync(file, 'base64'), 'AAEC/w==');

fs.writeFileSync(file, 'aGk=', 'base64');
assert.strictEqual(fs.readFileSync(file, 'latin1'), 'hi');

fs.writeFileSync(file, new Uint16Array([0x4241]));
assert.strictEqual(fs.readFileSync(file, 'latin1'), 'AB');

fs.appendFileSync(file, 'C');
fs.appendFileSync(file, Buffer.from('D'));
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'ABCD');

// flag 'a' on writeFileSync appends; 'wx' refuses an existing file.
fs.writeFileSync(file, 'E', { flag: 'a' });
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'ABCDE');
assert.throws(() => fs.writeFileSync(file, 'x', { flag: 'wx' }), { code: 'EEXIST' });

// Reading through a descriptor reads from its current position.
const fd = fs.openSync(file, 'r');
assert.strictEqual(fs.readFileSync(fd, 'utf8'), 'ABCDE');
assert.strictEqual(fs.readFileSync(fd, 'utf8'), '');
fs.closeSync(fd);

// An empty file, and mode on creation.
const empty = path.join(tmp, 'empty');
fs.writeFileSync(empty, '', { mode: 0o600 });
assert.strictEqual(fs.readFileSync(empty, 'utf8'), '');
assert.strictEqual(fs.statSync(empty).mode & 0o777, 0o600);

assert.throws(() => fs.writeFileSync(file, 42), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.readFileSync(file, 'no-such-encoding'), { code: 'ERR_INVALID_ARG_VALUE' });
