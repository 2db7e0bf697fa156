'use strict';
// TextEncoderStream / TextDecoderStream custom inspect: brand-checked and shaped as Node's.
const assert = require('assert');
const { inspect } = require('util');
const { TextEncoderStream, TextDecoderStream } = require('stream/web');

const enc = new TextEncoderStream();
assert.throws(() => enc[inspect.custom].call({}, 1, {}), { code: 'ERR_INVALID_THIS' });
assert.throws(() => enc[inspect.custom].call(undefined, 1, {}), { code: 'ERR_INVALID_THIS' });
assert.match(inspect(enc), /^TextEncoderStream \{\n  encoding: 'utf-8',\n  readable: ReadableStream/);

const dec = new TextDecoderStream('utf-8', { fatal: true });
assert.throws(() => dec[inspect.custom].call(enc, 1, {}), { code: 'ERR_INVALID_THIS' });
assert.match(inspect(dec), /encoding: 'utf-8',\n  fatal: true,\n  ignoreBOM: false/);
