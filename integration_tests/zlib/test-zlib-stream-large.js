'use strict';
// Compressing streams several MiB long (past any internal block size) give valid
// output in all three formats at several levels: it inflates back to the input, and
// the gzip and zlib wrappers carry zlib's header bytes and the right checksum and size.
const assert = require('node:assert');
const zlib = require('node:zlib');

// Deterministic pseudo-random bytes (xorshift32), or letters of `alphabet`.
function randomBytes(size, seed, alphabet) {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out[i] = alphabet ? alphabet.charCodeAt((seed >>> 8) % alphabet.length) : seed >>> 24;
  }
  return out;
}
const text = randomBytes(3 * 1024 * 1024 + 777, 1, 'aaaabbbcde  \n');
const noise = randomBytes(2 * 1024 * 1024 + 5, 2);  // Incompressible: stored blocks.
const runs = Buffer.alloc(2 * 1024 * 1024 + 3, 'z');  // Long matches only.

function pump(stream, data, step) {
  return new Promise((resolve, reject) => {
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(out)));
    let offset = 0;
    (function next() {
      while (offset < data.length) {
        const ok = stream.write(data.subarray(offset, offset + step));
        offset += step;
        if (!ok) return stream.once('drain', next);
      }
      stream.end();
    })();
  });
}

function checkGzip(out, data, level) {
  // Magic, deflate, no flags, no time; extra flags 2 (best) / 4 (fastest); OS 3 (Unix).
  const xfl = level === 9 ? 2 : level === 1 ? 4 : 0;
  assert.deepStrictEqual([...out.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]);
  assert.strictEqual(out.readUInt32LE(out.length - 8), zlib.crc32(data));
  assert.strictEqual(out.readUInt32LE(out.length - 4), data.length);
  assert.ok(zlib.gunzipSync(out).equals(data));
}

function checkZlib(out, data, level) {
  const levelBits = level === 1 ? 0x01 : level === 9 ? 0xda : 0x9c;
  assert.deepStrictEqual([...out.subarray(0, 2)], [0x78, levelBits]);
  assert.ok(zlib.inflateSync(out).equals(data));
}

(async () => {
  for (const [name, data] of [['text', text], ['noise', noise], ['runs', runs]]) {
    for (const level of [1, undefined, 9]) {
      const step = level === 9 ? 300 * 1024 + 1 : 64 * 1024;
      const opts = level === undefined ? {} : { level };
      const label = `${name} level ${level}`;
      checkGzip(await pump(zlib.createGzip(opts), data, step), data, level, label);
      checkZlib(await pump(zlib.createDeflate(opts), data, step), data, level, label);
      const raw = await pump(zlib.createDeflateRaw(opts), data, step);
      assert.ok(zlib.inflateRawSync(raw).equals(data), label);
      // The streaming decompressor takes it too, fed in odd pieces.
      const back = await pump(zlib.createInflateRaw(), raw, 9999);
      assert.ok(back.equals(data), label);
    }
  }
  // The one-shot forms with options that keep them on the stream path (info) agree,
  // also when the output comes out in tiny pieces (header and trailer split too).
  for (const chunkSize of [undefined, 64, 101]) {
    const { buffer, engine } = zlib.gzipSync(text, { info: true, chunkSize });
    assert.ok(engine instanceof zlib.Gzip);
    checkGzip(buffer, text, undefined);
    checkZlib(zlib.deflateSync(text, { info: true, chunkSize }).buffer, text, undefined);
  }
})().then(() => { process.exitCode = 0; });
process.exitCode = 1;  // Stays set unless every check above ran.
