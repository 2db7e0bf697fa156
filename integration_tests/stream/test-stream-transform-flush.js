'use strict';
// Transform: _transform may push zero or more chunks per input; _flush runs at the end
// and may push a final chunk before 'end'. PassThrough passes data unchanged.
const assert = require('node:assert');
const { Transform, PassThrough } = require('node:stream');

// Split text into lines; the last partial line is emitted by flush.
let tail = '';
const lines = new Transform({
  readableObjectMode: true,
  transform(chunk, enc, cb) {
    const parts = (tail + chunk).split('\n');
    tail = parts.pop();
    for (const p of parts) this.push(p);
    cb();
  },
  flush(cb) {
    cb(null, tail || null);
  },
});
const out = [];
lines.on('data', (l) => out.push(l));
lines.on('end', () => assert.deepStrictEqual(out, ['one', 'two', 'three']));
lines.write('on');
lines.write('e\ntwo\nth');
lines.end('ree');

const pt = new PassThrough();
pt.end('same');
assert.strictEqual(pt.read().toString(), 'same');

const failing = new Transform({
  transform(chunk, enc, cb) { cb(new Error('bad chunk')); },
});
let failure;
failing.on('error', (e) => { failure = e; });
failing.write('x');

process.on('exit', () => {
  assert.deepStrictEqual(out, ['one', 'two', 'three']);
  assert.strictEqual(failure.message, 'bad chunk');
  assert.strictEqual(failing.destroyed, true);
});
