'use strict';
// unshift() puts data back at the front of the buffer (a parser returning unused bytes);
// unshift after 'end' is an error.
const assert = require('node:assert');
const { Readable } = require('node:stream');

const r = new Readable({ read() {} });
r.push('header|body');
r.push(null);

const chunk = r.read().toString();
const sep = chunk.indexOf('|');
assert.strictEqual(chunk.slice(0, sep), 'header');
r.unshift(Buffer.from(chunk.slice(sep + 1)));
assert.strictEqual(r.readableLength, 4);

let body = '';
r.on('data', (c) => { body += c; });
r.on('end', () => {
  assert.strictEqual(body, 'body');
  setImmediate(() => {
    const late = new Readable({ read() {} });
    late.on('error', (err) => {
      errorCode = err.code;
    });
    late.push(null);
    late.resume();
    late.on('end', () => late.unshift('x'));
  });
});

let errorCode;
process.on('exit', () => {
  assert.strictEqual(body, 'body');
  assert.strictEqual(errorCode, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT');
});
