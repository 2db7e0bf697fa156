'use strict';
// Gunzip and Unzip read every member of a concatenated gzip file, whether it arrives
// at once or split anywhere; zero padding after the last member is ignored.
const assert = require('node:assert');
const zlib = require('node:zlib');

const members = Buffer.concat([zlib.gzipSync('abc'), zlib.gzipSync('def'),
  zlib.gzipSync(''), zlib.gzipSync('ghi'.repeat(1000))]);
const expected = 'abcdef' + 'ghi'.repeat(1000);

assert.strictEqual(zlib.gunzipSync(members).toString(), expected);
assert.strictEqual(zlib.unzipSync(members).toString(), expected);
assert.strictEqual(zlib.gunzipSync(Buffer.concat([members, Buffer.alloc(17)])).toString(),
  expected);

zlib.gunzip(members, (err, result) => {
  assert.ifError(err);
  assert.strictEqual(result.toString(), expected);
});

// Split at every offset in the first two members, as a stream.
const firstTwo = members.subarray(0, zlib.gzipSync('abc').length * 2);
let pending = 0;
for (let cut = 1; cut < firstTwo.length; cut++) {
  for (const make of [zlib.createGunzip, zlib.createUnzip]) {
    pending++;
    const stream = make();
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    stream.on('end', () => {
      assert.strictEqual(Buffer.concat(out).toString(), 'abcdef', `cut ${cut}`);
      pending--;
    });
    stream.write(firstTwo.subarray(0, cut));
    stream.end(firstTwo.subarray(cut));
  }
}
process.on('exit', () => assert.strictEqual(pending, 0));
