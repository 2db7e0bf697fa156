'use strict';
// gunzip checks every member's CRC-32 and length, and a header CRC when there is one,
// with zlib's messages, in the Sync form and in streams fed whole or one byte at a time
// (a trailer split across writes is still read right).
const assert = require('node:assert');
const zlib = require('node:zlib');

const text = Buffer.from('trailer checks of gzip members '.repeat(3000));
const good = zlib.gzipSync(text);
const other = zlib.gzipSync('second member');

function corrupt(buffer, offset) {
  const copy = Buffer.from(buffer);
  copy[offset < 0 ? copy.length + offset : offset] ^= 0x40;
  return copy;
}

// A gzip header with FHCRC (and FNAME) and the CRC-16 of the header; `fix` spoils it.
function withHeaderCrc(fix) {
  const header = Buffer.from([0x1f, 0x8b, 8, 0x02 | 0x08, 0, 0, 0, 0, 0, 3,
    ...Buffer.from('name.txt'), 0]);
  const crc16 = (zlib.crc32(header) & 0xffff) ^ fix;
  const hcrc = Buffer.from([crc16 & 0xff, crc16 >> 8]);
  return Buffer.concat([header, hcrc, good.subarray(10)]);
}

const dataCheck = { code: 'Z_DATA_ERROR', errno: -3, message: 'incorrect data check' };
const lengthCheck = { code: 'Z_DATA_ERROR', errno: -3, message: 'incorrect length check' };
const headerCheck = { code: 'Z_DATA_ERROR', errno: -3, message: 'header crc mismatch' };
const cases = [
  [corrupt(good, -8), dataCheck],
  [corrupt(good, -5), dataCheck],
  [corrupt(good, -4), lengthCheck],
  [corrupt(good, -1), lengthCheck],
  [Buffer.concat([good, corrupt(other, -6)]), dataCheck],
  [Buffer.concat([good, corrupt(other, -2)]), lengthCheck],
  [withHeaderCrc(0x0101), headerCheck],
];

function gunzipStream(input, step) {
  return new Promise((resolve) => {
    const stream = zlib.createGunzip();
    const out = [];
    stream.on('data', (chunk) => out.push(chunk));
    stream.on('error', (err) => resolve(err));
    stream.on('end', () => resolve(Buffer.concat(out)));
    for (let i = 0; i < input.length; i += step) stream.write(input.subarray(i, i + step));
    stream.end();
  });
}

(async () => {
  for (const [input, expected] of cases) {
    assert.throws(() => zlib.gunzipSync(input), expected);
    for (const step of [input.length, 1, 5]) {
      const err = await gunzipStream(input, step);
      assert.ok(err instanceof Error, `step ${step}: ${expected.message}`);
      assert.deepStrictEqual({ code: err.code, errno: err.errno, message: err.message },
        expected);
    }
  }
  // The intact inputs, including a valid header CRC and two members, decode.
  const twoMembers = Buffer.concat([good, other]);
  for (const step of [1, 7, 1 << 20]) {
    assert.ok((await gunzipStream(good, step)).equals(text));
    assert.ok((await gunzipStream(withHeaderCrc(0), step)).equals(text));
    assert.strictEqual((await gunzipStream(twoMembers, step)).toString(),
      `${text}second member`);
  }
  assert.ok(zlib.gunzipSync(withHeaderCrc(0)).equals(text));

  // After reset(), an Unzip stream that has read gzip checks zlib-format data again.
  const unzip = zlib.createUnzip();
  unzip.resume();
  await new Promise((resolve) => unzip.write(good, resolve));
  unzip.reset();
  const err = await new Promise((resolve) => {
    unzip.on('error', resolve);
    unzip.end(corrupt(zlib.deflateSync(text), -1));
  });
  assert.deepStrictEqual({ code: err.code, errno: err.errno, message: err.message },
    dataCheck);
})().then(() => { process.exitCode = 0; });
process.exitCode = 1;  // Stays set unless every check above ran.
