'use strict';
// CompressionStream and DecompressionStream (compression.spec.whatwg.org) over node:zlib.

const { ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS } = require('internal/errors').codes;
const { defineToStringTag, makeEnumerable, customInspect, inspectSymbol } =
  require('internal/webstreams/util');

const kPair = Symbol('kPair');

function makePair(format, compress) {
  const zlib = require('zlib');
  let stream;
  switch (format) {
    case 'deflate': stream = compress ? zlib.createDeflate() : zlib.createInflate(); break;
    case 'deflate-raw':
      stream = compress ? zlib.createDeflateRaw() : zlib.createInflateRaw();
      break;
    case 'gzip': stream = compress ? zlib.createGzip() : zlib.createGunzip(); break;
    default: throw new ERR_INVALID_ARG_VALUE('format', format);
  }
  return require('internal/webstreams/adapters').newReadableWritablePairFromDuplex(stream);
}

function check(self, Class) {
  if (self === null || typeof self !== 'object' || self[kPair] === undefined ||
      !(self instanceof Class)) {
    throw new ERR_INVALID_THIS(Class.name);
  }
  return self[kPair];
}

class CompressionStream {
  constructor(format) {
    Object.defineProperty(this, kPair, { value: makePair(`${format}`, true) });
  }

  get readable() { return check(this, CompressionStream).readable; }
  get writable() { return check(this, CompressionStream).writable; }

  [inspectSymbol](depth, options) {
    return customInspect(this, { readable: this.readable, writable: this.writable },
                         depth, options);
  }
}
makeEnumerable(CompressionStream, ['readable', 'writable']);
defineToStringTag(CompressionStream, 'CompressionStream');

class DecompressionStream {
  constructor(format) {
    Object.defineProperty(this, kPair, { value: makePair(`${format}`, false) });
  }

  get readable() { return check(this, DecompressionStream).readable; }
  get writable() { return check(this, DecompressionStream).writable; }

  [inspectSymbol](depth, options) {
    return customInspect(this, { readable: this.readable, writable: this.writable },
                         depth, options);
  }
}
makeEnumerable(DecompressionStream, ['readable', 'writable']);
defineToStringTag(DecompressionStream, 'DecompressionStream');

module.exports = { CompressionStream, DecompressionStream };
