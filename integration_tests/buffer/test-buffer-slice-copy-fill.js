'use strict';
// slice/subarray share memory; copy, fill, concat and swaps.
const assert = require('assert');

const buf = Buffer.from('abcdef');
const s = buf.slice(1, -1);
s[0] = 0x42;
assert.strictEqual(buf.toString(), 'aBcdef');
assert.ok(buf.subarray(2) instanceof Buffer);
assert.strictEqual(buf.slice(-2).toString(), 'ef');
assert.strictEqual(buf.slice(4, 2).length, 0);

const target = Buffer.alloc(4, '.');
assert.strictEqual(buf.copy(target, 1, 3), 3);
assert.strictEqual(target.toString(), '.def');
assert.strictEqual(buf.copy(target, 10), 0);
assert.throws(() => buf.copy(target, -1), { code: 'ERR_OUT_OF_RANGE' });
// Overlapping copy within one buffer behaves like memmove.
const overlap = Buffer.from('123456');
overlap.copy(overlap, 2, 0, 4);
assert.strictEqual(overlap.toString(), '121234');

assert.strictEqual(Buffer.alloc(5).fill('xy', 1).toString('latin1'), '\0xyxy');
assert.strictEqual(Buffer.alloc(4).fill('€').toString('hex'), 'e282ace2');
assert.strictEqual(Buffer.alloc(3).fill(Buffer.from([1, 2])).toString('hex'), '010201');
assert.throws(() => Buffer.alloc(3).fill('zz', 'hex'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => Buffer.alloc(3).fill('a', 0, 4), { code: 'ERR_OUT_OF_RANGE' });

assert.strictEqual(Buffer.concat([Buffer.from('ab'), new Uint8Array([0x63])]).toString(), 'abc');
assert.strictEqual(Buffer.concat([Buffer.from('ab')], 4).toString('hex'), '61620000');
assert.throws(() => Buffer.concat([1]), { message: /"list\[0\]" argument must be an instance of Buffer or Uint8Array/ });

assert.strictEqual(Buffer.from('0102', 'hex').swap16().toString('hex'), '0201');
assert.strictEqual(Buffer.from('01020304', 'hex').swap32().toString('hex'), '04030201');
const long = Buffer.alloc(256).map((_, i) => i);
assert.strictEqual(Buffer.from(long).swap64()[0], 7);
assert.throws(() => Buffer.alloc(3).swap16(), {
  code: 'ERR_INVALID_BUFFER_SIZE', message: 'Buffer size must be a multiple of 16-bits',
});
