'use strict';
// node:stream helpers over web streams: finished() settles from the stream's state,
// addAbortSignal() errors it, pipeline() writes into a WritableStream / TransformStream.
const assert = require('assert');
const { Readable, addAbortSignal, finished, pipeline } = require('stream');
const { ReadableStream, WritableStream, TransformStream } = require('stream/web');

const checks = [];
const expect = (promise) => checks.push(promise);

// finished() on a ReadableStream that closes, and one that errors.
expect(new Promise((resolve) => {
  const rs = new ReadableStream({ start(c) { c.enqueue(1); c.close(); } });
  finished(rs, (err) => { assert.ifError(err); resolve('closed'); });
  rs.getReader().read();
}));
expect(new Promise((resolve) => {
  let controller;
  const rs = new ReadableStream({ start(c) { controller = c; } });
  finished(rs, (err) => { assert.strictEqual(err.message, 'boom'); resolve('errored'); });
  controller.error(new Error('boom'));
}));

// finished() on a WritableStream that closes.
expect(new Promise((resolve) => {
  const ws = new WritableStream();
  finished(ws, (err) => { assert.ifError(err); resolve('ws closed'); });
  ws.getWriter().close();
}));

// addAbortSignal() errors a ReadableStream and a WritableStream with an AbortError.
expect((async () => {
  const rs = new ReadableStream({ pull(c) { c.enqueue('x'); } });
  const ac = new AbortController();
  addAbortSignal(ac.signal, rs);
  const reader = rs.getReader();
  assert.strictEqual((await reader.read()).value, 'x');
  ac.abort();
  await assert.rejects(reader.closed, { name: 'AbortError' });
  const ws = new WritableStream();
  const ac2 = new AbortController();
  addAbortSignal(ac2.signal, ws);
  ac2.abort();
  await assert.rejects(ws.getWriter().closed, { name: 'AbortError' });
  return 'aborted';
})());

// pipeline() from a Node Readable into a WritableStream, and through a TransformStream.
expect(new Promise((resolve) => {
  const seen = [];
  const ws = new WritableStream({ write(chunk) { seen.push(chunk); } });
  const upper = new TransformStream({
    transform(chunk, c) { c.enqueue(String(chunk).toUpperCase()); },
  });
  pipeline(Readable.from(['a', 'b', 'c']), upper, ws, (err) => {
    assert.ifError(err);
    assert.deepStrictEqual(seen, ['A', 'B', 'C']);
    resolve('piped');
  });
}));

// A failing WritableStream sink fails the pipeline with its error.
expect(new Promise((resolve) => {
  const ws = new WritableStream({ write() { throw new Error('sink failed'); } });
  pipeline(Readable.from(['a', 'b']), ws, (err) => {
    assert.strictEqual(err.message, 'sink failed');
    resolve('sink error');
  });
}));

Promise.all(checks).then((results) => {
  assert.deepStrictEqual(results,
                         ['closed', 'errored', 'ws closed', 'aborted', 'piped', 'sink error']);
});
let done = false;
Promise.all(checks).then(() => { done = true; });
process.on('exit', () => assert.strictEqual(done, true));
