'use strict';
// Corrupt, truncated or trailing input gives the whole-buffer forms zlib's result:
// the same error (code, errno, message) in the Sync and callback forms, the same
// handling of bytes after a stream (another gzip member, zero padding, ignored junk).
const assert = require('node:assert');
const zlib = require('node:zlib');

const gz = zlib.gzipSync('hello world');
const zd = zlib.deflateSync('hello world'.repeat(100));
const raw = zlib.deflateRawSync('hello world'.repeat(100));
const flip = (buf, at, mask) => {
  const copy = Buffer.from(buf);
  copy[at < 0 ? copy.length + at : at] ^= mask;
  return copy;
};
const eof = ['Z_BUF_ERROR', -5, 'unexpected end of file'];
const data = (message) => ['Z_DATA_ERROR', -3, message];

const failures = [
  ['gunzip', Buffer.concat([gz, Buffer.from([0x1f, 0x8b, 0xff, 0xff])]),
    data('unknown compression method')],
  ['gunzip', Buffer.concat([gz, Buffer.from('garbage!')]), data('incorrect header check')],
  ['unzip', Buffer.concat([gz, Buffer.from('garbage!')]), data('incorrect header check')],
  ['gunzip', Buffer.concat([gz, Buffer.from([0x1f])]), eof],
  ['gunzip', gz.subarray(0, gz.length - 3), eof],
  ['gunzip', flip(gz, -8, 1), data('incorrect data check')],
  ['gunzip', flip(gz, -4, 1), data('incorrect length check')],
  ['gunzip', flip(gz, 3, 0xe0), data('unknown header flags set')],
  ['gunzip', flip(gz, 2, 0x0f), data('unknown compression method')],
  ['gunzip', Buffer.alloc(0), eof],
  ['inflate', Buffer.alloc(0), eof],
  ['inflateRaw', Buffer.alloc(0), eof],
  ['unzip', Buffer.alloc(0), eof],
  ['unzip', Buffer.from([0x1f]), eof],
  ['unzip', Buffer.from([0x1f, 0x00, 1, 2]), data('unknown compression method')],
  ['inflate', flip(zd, 1, 1), data('incorrect header check')],
  ['inflate', flip(zd, -1, 1), data('incorrect data check')],
  ['inflate', zd.subarray(0, zd.length - 5), eof],
  ['inflateRaw', raw.subarray(0, raw.length - 1), eof],
  ['inflateRaw', Buffer.from([0xff, 0xff, 0xff]), data('invalid block type')],
];

const successes = [
  ['gunzip', Buffer.concat([gz, gz, Buffer.alloc(5)]), 'hello world'.repeat(2)],
  ['unzip', Buffer.concat([gz, zlib.gzipSync(''), gz]), 'hello world'.repeat(2)],
  ['gunzip', Buffer.concat([gz, Buffer.alloc(3), Buffer.from('garbage!')]), 'hello world'],
  ['inflate', Buffer.concat([zd, Buffer.from('junk')]), 'hello world'.repeat(100)],
  ['inflateRaw', Buffer.concat([raw, Buffer.from('junk')]), 'hello world'.repeat(100)],
  ['unzip', Buffer.concat([zd, Buffer.from('junk')]), 'hello world'.repeat(100)],
];

let pending = 0;
for (const [method, input, [code, errno, message]] of failures) {
  const expected = { name: 'Error', code, errno, message };
  assert.throws(() => zlib[`${method}Sync`](input), expected, `${method}Sync ${message}`);
  pending++;
  zlib[method](input, (err, result) => {
    assert.throws(() => { throw err; }, expected, `${method} ${message}`);
    assert.strictEqual(result, undefined);
    pending--;
  });
}
for (const [method, input, text] of successes) {
  assert.strictEqual(zlib[`${method}Sync`](input).toString(), text, `${method}Sync`);
  pending++;
  zlib[method](input, (err, result) => {
    assert.ifError(err);
    assert.strictEqual(result.toString(), text, method);
    pending--;
  });
}
process.on('exit', () => assert.strictEqual(pending, 0));
