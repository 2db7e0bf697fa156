'use strict';
// Headers, Request and Response semantics without the network.
const assert = require('assert');

const h = new Headers([['B', '2'], ['a', '1']]);
h.append('a', '3');
h.append('Set-Cookie', 'x=1');
h.append('set-cookie', 'y=2');
assert.deepStrictEqual([...h], [['a', '1, 3'], ['b', '2'], ['set-cookie', 'x=1'], ['set-cookie', 'y=2']]);
assert.strictEqual(h.get('A'), '1, 3');
assert.strictEqual(h.get('set-cookie'), 'x=1, y=2');
assert.deepStrictEqual(h.getSetCookie(), ['x=1', 'y=2']);
h.set('a', '  spaced  ');
assert.strictEqual(h.get('a'), 'spaced');
h.delete('b');
assert.strictEqual(h.has('b'), false);
assert.throws(() => h.append('bad name', 'v'), TypeError);
assert.throws(() => h.set('x', 'a\nb'), TypeError);
assert.deepStrictEqual([...new Headers({ z: '1', y: '2' }).keys()], ['y', 'z']);

// Response statics and guards
const err = Response.error();
assert.strictEqual(err.type, 'error');
assert.strictEqual(err.status, 0);
assert.throws(() => err.headers.set('a', 'b'), TypeError);
const red = Response.redirect('http://example.com/', 301);
assert.strictEqual(red.status, 301);
assert.strictEqual(red.headers.get('location'), 'http://example.com/');
assert.throws(() => new Response(null, { status: 99 }), RangeError);

(async () => {
  const j = Response.json({ a: 1 }, { status: 201 });
  assert.strictEqual(j.status, 201);
  assert.strictEqual(j.headers.get('content-type'), 'application/json');
  const c = j.clone();
  assert.deepStrictEqual(await j.json(), { a: 1 });
  assert.strictEqual(await c.text(), '{"a":1}');

  const r = new Request('http://example.com/x', { method: 'post', body: 'hi' });
  assert.strictEqual(r.method, 'POST');
  assert.strictEqual(r.headers.get('content-type'), 'text/plain;charset=UTF-8');
  assert.strictEqual(await r.text(), 'hi');
  assert.throws(() => new Request('http://example.com/', { method: 'GET', body: 'x' }), TypeError);
  assert.throws(() => new Request('/relative'), TypeError);

  const blob = await new Response(new Uint8Array([1, 2, 3])).blob();
  assert.strictEqual(blob.size, 3);
  assert.strictEqual((await new Response('abc').arrayBuffer()).byteLength, 3);

  const fd = new FormData();
  fd.append('name', 'value');
  fd.append('file', new Blob(['content'], { type: 'text/plain' }), 'a.txt');
  const res = new Response(fd);
  assert.match(res.headers.get('content-type'), /^multipart\/form-data; boundary=/);
  const parsed = await res.formData();
  assert.strictEqual(parsed.get('name'), 'value');
  assert.strictEqual(await parsed.get('file').text(), 'content');
  assert.strictEqual(parsed.get('file').name, 'a.txt');

  const stream = new ReadableStream({ start(ctl) { ctl.enqueue(new TextEncoder().encode('s')); ctl.close(); } });
  assert.strictEqual(await new Response(stream).text(), 's');

  const keys = Object.keys(globalThis);
  assert.ok(keys.includes('fetch'));
  for (const name of ['Headers', 'Request', 'Response', 'FormData', 'ReadableStream']) {
    assert.ok(!keys.includes(name), name);
  }
})().then(() => {}, (e) => { process.exitCode = 1; throw e; });
