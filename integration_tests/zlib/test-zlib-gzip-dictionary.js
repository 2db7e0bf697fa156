'use strict';
// Gzip has no place for a preset dictionary: as in Node, gzip and gunzip streams accept
// the option and ignore it, so the output is plain gzip that inflates without it (the
// message repeats the dictionary, so output that leaned on it would not).
const assert = require('assert');
const zlib = require('zlib');

const dictionary = Buffer.from('hello world');
const message = Buffer.from('hello world, hello gzip');
const plain = zlib.gzipSync(message);

assert.ok(zlib.gunzipSync(zlib.gzipSync(message, { dictionary })).equals(message));
assert.ok(zlib.gunzipSync(plain, { dictionary }).equals(message));
assert.ok(zlib.unzipSync(plain, { dictionary }).equals(message));

function collect(stream, input, check) {
  const chunks = [];
  stream.on('data', (chunk) => chunks.push(chunk));
  stream.on('end', () => check(Buffer.concat(chunks)));
  stream.on('error', assert.ifError);
  stream.end(input);
}

let ends = 0;
collect(zlib.createGzip({ dictionary: Buffer.from('x') }), message, (out) => {
  assert.ok(zlib.gunzipSync(out).equals(message));
  ends++;
});
collect(zlib.createGunzip({ dictionary: Buffer.from('x') }), plain, (out) => {
  assert.ok(out.equals(message));
  ends++;
});
zlib.gzip(message, { dictionary }, (err, out) => {
  assert.ifError(err);
  assert.ok(zlib.gunzipSync(out).equals(message));
  ends++;
});
process.on('exit', () => assert.strictEqual(ends, 3));
