'use strict';
// The whole-buffer forms round-trip at every level in every format, from every kind of
// input and through the Sync, callback and promisified forms; level 0 stores the data
// uncompressed; gzip headers carry zlib's OS and level bytes.
const assert = require('node:assert');
const { promisify } = require('node:util');
const zlib = require('node:zlib');

const text = Buffer.from('GET /api/v1/items 200 latency_ms=12 region=eu-west\n'.repeat(4000));
let seed = 7;
const noise = Buffer.alloc(70000, 0).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
const inputs = [Buffer.alloc(0), Buffer.from('a'), text, noise];
const pairs = [['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'],
  ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync']];

for (let level = -1; level <= 9; level++) {
  for (const [enc, dec] of pairs) {
    for (const input of inputs) {
      const packed = zlib[enc](input, { level });
      assert.ok(zlib[dec](packed).equals(input), `${enc}/${dec} level ${level}`);
    }
    if (level !== 0) assert.ok(zlib[enc](text, { level }).length < text.length / 10);
  }
  // zlib's gzip header: extra flags 2 at level 9, 4 at levels 0 and 1, then OS 3 (Unix).
  const gz = zlib.gzipSync(text, { level });
  assert.deepStrictEqual([...gz.subarray(0, 10)],
    [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level === 9 ? 2 : level === 0 || level === 1 ? 4 : 0, 3]);
}

// Level 0: stored blocks (BTYPE 00), so the output is a little larger than the input.
const stored = zlib.deflateRawSync(noise, { level: 0 });
assert.strictEqual(stored[0] & 0b110, 0);
assert.ok(stored.length > noise.length && stored.length < noise.length + 100);
assert.ok(stored.includes(noise.subarray(0, 1000)));

// Other input types, and a string (its UTF-8 bytes).
const ab = new Uint8Array(text).buffer;
for (const input of [new Uint8Array(ab), new DataView(ab), ab, new Uint16Array(ab)]) {
  assert.ok(zlib.gunzipSync(zlib.gzipSync(input)).equals(text));
}
assert.strictEqual(zlib.inflateSync(zlib.deflateSync('héllo')).toString(), 'héllo');

let done = 0;
zlib.gzip(text, { level: 9 }, (err, packed) => {
  assert.ifError(err);
  assert.ok(Buffer.isBuffer(packed));
  zlib.gunzip(packed, (err2, plain) => {
    assert.ifError(err2);
    assert.ok(plain.equals(text));
    done++;
  });
});
zlib.deflateRaw('abc'.repeat(100), (err, packed) => {
  assert.ifError(err);
  zlib.inflateRaw(packed, (err2, plain) => {
    assert.strictEqual(plain.toString(), 'abc'.repeat(100));
    done++;
  });
});
(async () => {
  const packed = await promisify(zlib.deflate)(noise, { level: 1 });
  assert.ok((await promisify(zlib.unzip)(packed)).equals(noise));
  assert.strictEqual((await promisify(zlib.gunzip)(zlib.gzipSync(''))).length, 0);
  done++;
})();
process.on('exit', () => assert.strictEqual(done, 3));
