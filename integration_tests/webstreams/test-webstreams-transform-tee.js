'use strict';
// pipeThrough a TransformStream, tee, pipeTo with an AbortSignal, async iteration.
const assert = require('assert');
const { ReadableStream, WritableStream, TransformStream, CountQueuingStrategy,
        TextEncoderStream, TextDecoderStream } = require('stream/web');

(async () => {
  const upper = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
  const src = ReadableStream.from(['a', 'b', 'c']);
  const out = [];
  for await (const x of src.pipeThrough(upper)) out.push(x);
  assert.deepStrictEqual(out, ['A', 'B', 'C']);

  const [b1, b2] = ReadableStream.from([1, 2, 3]).tee();
  const r1 = []; const r2 = [];
  await Promise.all([
    b1.pipeTo(new WritableStream({ write(c) { r1.push(c); } })),
    (async () => { for await (const c of b2) r2.push(c); })(),
  ]);
  assert.deepStrictEqual(r1, [1, 2, 3]);
  assert.deepStrictEqual(r2, [1, 2, 3]);

  // Backpressure: desiredSize follows the strategy.
  let ctl;
  const rs = new ReadableStream({ start(c) { ctl = c; } }, new CountQueuingStrategy({ highWaterMark: 2 }));
  assert.strictEqual(ctl.desiredSize, 2);
  ctl.enqueue(1);
  assert.strictEqual(ctl.desiredSize, 1);
  assert.strictEqual(rs.locked, false);

  // pipeTo aborted by a signal
  const ac = new AbortController();
  const never = new ReadableStream({ pull() { return new Promise(() => {}); } });
  const p = never.pipeTo(new WritableStream(), { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError' });

  // preventClose keeps the destination open
  const ws = new WritableStream();
  await ReadableStream.from(['x']).pipeTo(ws, { preventClose: true });
  const writer = ws.getWriter();
  await writer.write('y');
  await writer.close();

  // Errors propagate through pipeThrough
  const failing = new ReadableStream({ start(c) { c.error(new Error('boom')); } });
  await assert.rejects(failing.pipeThrough(new TransformStream()).getReader().read(), /boom/);

  // Text encoder/decoder streams, with a multi-byte character split across chunks
  const bytes = new TextEncoder().encode('héllo €');
  const parts = [bytes.slice(0, 2), bytes.slice(2, 9), bytes.slice(9)];
  let text = '';
  for await (const t of ReadableStream.from(parts).pipeThrough(new TextDecoderStream())) text += t;
  assert.strictEqual(text, 'héllo €');
  const enc = [];
  for await (const b of ReadableStream.from(['\ud83d', '\ude00']).pipeThrough(new TextEncoderStream())) enc.push(...b);
  assert.deepStrictEqual(enc, [...new TextEncoder().encode('😀')]);

  // Compression round trip
  const data = 'compress me '.repeat(100);
  const round = new Blob([data]).stream()
    .pipeThrough(new CompressionStream('deflate'))
    .pipeThrough(new DecompressionStream('deflate'))
    .pipeThrough(new TextDecoderStream());
  let back = '';
  for await (const t of round) back += t;
  assert.strictEqual(back, data);
})().then(() => {}, (e) => { process.exitCode = 1; console.error(e); });
