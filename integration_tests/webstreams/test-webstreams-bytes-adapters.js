'use strict';
// Byte streams with BYOB readers, and Node stream <-> web stream bridges.
const assert = require('assert');
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const { ReadableStream, WritableStream } = require('stream/web');

(async () => {
  // BYOB: the source fills the reader's buffer in place.
  let n = 0;
  const bytes = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const req = c.byobRequest;
      if (n >= 3) {
        c.close();
        req?.respond(0);
        return;
      }
      req.view[0] = ++n;
      req.view[1] = n * 10;
      req.respond(2);
    },
  });
  const reader = bytes.getReader({ mode: 'byob' });
  const got = [];
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(8));
    if (done) break;
    got.push(...value);
  }
  assert.deepStrictEqual(got, [1, 10, 2, 20, 3, 30]);

  // Enqueued chunks fill BYOB reads, honouring element size.
  const rs2 = new ReadableStream({
    type: 'bytes',
    start(c) { c.enqueue(new Uint8Array([1, 0, 2, 0, 3])); c.close(); },
  });
  const r2 = rs2.getReader({ mode: 'byob' });
  const first = await r2.read(new Uint16Array(2));
  assert.deepStrictEqual([...first.value], [1, 2]);
  const rest = await r2.read(new Uint8Array(4));
  assert.deepStrictEqual([...rest.value], [3]);

  // A default reader on a byte stream gets Uint8Arrays.
  const d = await new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([9])); } })
    .getReader().read();
  assert.deepStrictEqual(d, { value: new Uint8Array([9]), done: false });

  // Readable -> web -> Readable
  const web = Readable.toWeb(Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
  assert.ok(web instanceof ReadableStream);
  const back = Readable.fromWeb(web);
  const chunks = [];
  for await (const c of back) chunks.push(c);
  assert.strictEqual(Buffer.concat(chunks).toString(), 'abcd');

  // Writable -> web
  const sink = [];
  const nodeWritable = new Writable({ write(c, e, cb) { sink.push(c.toString()); cb(); } });
  const ws = Writable.toWeb(nodeWritable);
  const w = ws.getWriter();
  await w.write(new TextEncoder().encode('x'));
  await w.close();
  assert.deepStrictEqual(sink, ['x']);

  // web -> Writable
  const seen = [];
  const nw = Writable.fromWeb(new WritableStream({ write(c) { seen.push(c); } }), { objectMode: true });
  await new Promise((resolve, reject) => nw.end('z', (err) => (err ? reject(err) : resolve())));
  assert.deepStrictEqual(seen, ['z']);

  // Duplex round trip
  const pair = Duplex.toWeb(new PassThrough());
  const pw = pair.writable.getWriter();
  pw.write(new TextEncoder().encode('dup'));
  pw.close();
  let s = '';
  for await (const c of pair.readable) s += Buffer.from(c).toString();
  assert.strictEqual(s, 'dup');
})().then(() => {}, (e) => { process.exitCode = 1; console.error(e); });
