'use strict';
// Buffer encode/decode workload: Buffer.from(string, enc) and buf.toString(enc) for
// utf8, base64 and hex on 1 KiB and 1 MiB inputs. Prints one JSON line: best-of-7
// microseconds per operation for each case.

const sizes = { '1KB': 1024, '1MB': 1024 * 1024 };
// Mostly ASCII with some 2- and 3-byte characters, like typical text payloads.
const unit = 'The quick brown fox jumps over the lazy dog, café €5; ';

function textOfBytes(bytes) {
  let text = unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, -1);
  return text;
}

function time(fn, iterations) {
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    const us = Number(process.hrtime.bigint() - start) / 1e3 / iterations;
    if (us < best) best = us;
  }
  return best;
}

const results = {};
let sink = 0;
for (const [label, bytes] of Object.entries(sizes)) {
  const iterations = bytes < 65536 ? 20000 : 40;
  const text = textOfBytes(bytes);
  const buf = Buffer.from(text);
  for (const encoding of ['utf8', 'base64', 'hex']) {
    const input = encoding === 'utf8' ? text : buf.toString(encoding);
    results[`from ${encoding} ${label}`] = time(() => {
      sink += Buffer.from(input, encoding).length;
    }, iterations);
    results[`toString ${encoding} ${label}`] = time(() => {
      sink += buf.toString(encoding).length;
    }, iterations);
  }
}
if (sink === 0) throw new Error('unreachable: keeps the work observable');
console.log(JSON.stringify(results));
