'use strict';
// util.inspect, toJSON, isEncoding, byteLength and the module's exports.
const assert = require('assert');
const util = require('util');
const buffer = require('buffer');

assert.strictEqual(util.inspect(Buffer.from('hello')), '<Buffer 68 65 6c 6c 6f>');
assert.strictEqual(util.inspect(Buffer.alloc(0)), '<Buffer >');
assert.strictEqual(util.inspect(Buffer.alloc(51)),
                   `<Buffer ${'00 '.repeat(50)}... 1 more byte>`);
const withProp = Buffer.from('hi');
withProp.foo = 1;
assert.strictEqual(util.inspect(withProp), '<Buffer 68 69, foo: 1>');
buffer.INSPECT_MAX_BYTES = 1;
assert.strictEqual(util.inspect(Buffer.from('hi')), '<Buffer 68 ... 1 more byte>');
buffer.INSPECT_MAX_BYTES = 50;

assert.deepStrictEqual(Buffer.from('é').toJSON(), { type: 'Buffer', data: [195, 169] });
assert.strictEqual(JSON.stringify(Buffer.from('a')), '{"type":"Buffer","data":[97]}');
assert.ok(Buffer.isEncoding('UCS-2'));
assert.ok(!Buffer.isEncoding(''));
assert.ok(!Buffer.isEncoding('utf9'));
assert.strictEqual(Buffer.byteLength('€'), 3);
assert.strictEqual(Buffer.byteLength('€', 'latin1'), 1);
assert.strictEqual(Buffer.byteLength(new ArrayBuffer(7)), 7);
assert.ok(Buffer.isBuffer(Buffer.alloc(1)));
assert.ok(!Buffer.isBuffer(new Uint8Array(1)));
assert.ok(buffer.isUtf8(Buffer.from('€')));
assert.ok(!buffer.isUtf8(Buffer.from([0xed, 0xa0, 0x80])));
assert.ok(buffer.isAscii(Buffer.from('abc')));
assert.ok(!buffer.isAscii(Buffer.from('é')));
assert.deepStrictEqual(buffer.transcode(Buffer.from('é€'), 'utf8', 'latin1'), Buffer.from([0xe9, 0x3f]));
assert.deepStrictEqual(buffer.transcode(Buffer.from('é'), 'utf8', 'ucs2'), Buffer.from([0xe9, 0]));
assert.throws(() => buffer.transcode(Buffer.from('x'), 'utf8', 'hex'), { code: 'U_ILLEGAL_ARGUMENT_ERROR' });
