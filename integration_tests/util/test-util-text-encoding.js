'use strict';
// TextEncoder / TextDecoder: globals and util exports, labels, fatal, BOM and streaming.
const assert = require('assert');
const util = require('util');

assert.strictEqual(util.TextEncoder, TextEncoder);
assert.strictEqual(util.TextDecoder, TextDecoder);
assert(!Object.keys(globalThis).includes('TextEncoder'));

const enc = new TextEncoder();
assert.strictEqual(enc.encoding, 'utf-8');
const bytes = enc.encode('a€😀');
assert.strictEqual(Object.getPrototypeOf(bytes), Uint8Array.prototype);
assert.deepStrictEqual([...bytes], [0x61, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80]);
const dest = new Uint8Array(5);
assert.deepStrictEqual(enc.encodeInto('a€😀', dest), { read: 2, written: 4 });

assert.strictEqual(new TextDecoder().decode(bytes), 'a€😀');
assert.strictEqual(new TextDecoder(' UTF8 ').encoding, 'utf-8');
assert.strictEqual(new TextDecoder('latin1').encoding, 'windows-1252');
assert.strictEqual(new TextDecoder('latin1').decode(Uint8Array.of(0x41, 0xE9)), 'Aé');
assert.strictEqual(new TextDecoder('utf-16le').decode(Uint8Array.of(0xFF, 0xFE, 0x61, 0)), 'a');
assert.strictEqual(new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.of(0xEF, 0xBB, 0xBF)), '\ufeff');
assert.strictEqual(new TextDecoder().decode(Uint8Array.of(0x61, 0xFF)), 'a\ufffd');
assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.of(0xFF)),
              { code: 'ERR_ENCODING_INVALID_ENCODED_DATA', name: 'TypeError' });
assert.throws(() => new TextDecoder('klingon'), { code: 'ERR_ENCODING_NOT_SUPPORTED', name: 'RangeError' });
assert.throws(() => new TextDecoder().decode('str'), { code: 'ERR_INVALID_ARG_TYPE' });

// A character split across stream chunks comes out whole.
const dec = new TextDecoder();
assert.strictEqual(dec.decode(bytes.subarray(0, 2), { stream: true }), 'a');
assert.strictEqual(dec.decode(bytes.subarray(2, 6), { stream: true }), '€');
assert.strictEqual(dec.decode(bytes.subarray(6)), '😀');
