'use strict';
// The `stream` module: Readable, Writable, Duplex, Transform, PassThrough, pipeline,
// finished, compose, addAbortSignal and the helpers around them. The implementation
// lives in internal/streams/.

const { Stream } = require('internal/streams/legacy');
const utils = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const { getDefaultHighWaterMark, setDefaultHighWaterMark } = require('internal/streams/state');

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;

Stream.Readable = require('internal/streams/readable');
require('internal/streams/operators').install(Stream.Readable);
Stream.Writable = require('internal/streams/writable');
Stream.Duplex = require('internal/streams/duplex');
Stream.Transform = require('internal/streams/transform');
Stream.PassThrough = require('internal/streams/passthrough');

let promises;
Stream.pipeline = require('internal/streams/pipeline').pipeline;
Stream.addAbortSignal = require('internal/streams/add-abort-signal').addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyImpl.destroyer;
Stream.compose = require('internal/streams/compose');
Stream.setDefaultHighWaterMark = setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    promises = promises || require('stream/promises');
    return promises;
  },
});

// util.promisify(stream.pipeline / stream.finished) gives the promise versions.
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(Stream.pipeline, kCustomPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.pipeline; },
});
Object.defineProperty(eos, kCustomPromisify, {
  __proto__: null,
  enumerable: true,
  get() { return Stream.promises.finished; },
});

// Backwards-compatible aliases.
Stream.Stream = Stream;
Stream._isUint8Array = utils.isUint8Array;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._uint8ArrayToBuffer = utils.uint8ArrayToBuffer;

module.exports = Stream;
