'use strict';
// TextEncoderStream and TextDecoderStream (encoding.spec.whatwg.org §7).

const { ERR_INVALID_THIS } = require('internal/errors').codes;
const { TransformStream } = require('internal/webstreams/transformstream');
const { defineToStringTag, makeEnumerable, customInspect, inspectSymbol } =
  require('internal/webstreams/util');

const kTransform = Symbol('kTransform');
const kCodec = Symbol('kCodec');

function check(self, Class) {
  if (self === null || typeof self !== 'object' || self[kTransform] === undefined ||
      !(self instanceof Class)) {
    throw new ERR_INVALID_THIS(Class.name);
  }
  return self;
}

class TextEncoderStream {
  constructor() {
    const { TextEncoder } = require('internal/encoding');
    const encoder = new TextEncoder();
    let pendingHighSurrogate = null;
    Object.defineProperty(this, kCodec, { value: encoder });
    Object.defineProperty(this, kTransform, {
      value: new TransformStream({
        transform(chunk, controller) {
          let text = `${chunk}`;
          if (pendingHighSurrogate !== null) {
            text = pendingHighSurrogate + text;
            pendingHighSurrogate = null;
          }
          const last = text.charCodeAt(text.length - 1);
          if (last >= 0xD800 && last <= 0xDBFF) {
            pendingHighSurrogate = text[text.length - 1];
            text = text.slice(0, -1);
          }
          if (text.length > 0) controller.enqueue(encoder.encode(text));
        },
        flush(controller) {
          if (pendingHighSurrogate !== null) controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
        },
      }),
    });
  }

  get encoding() {
    check(this, TextEncoderStream);
    return 'utf-8';
  }

  get readable() { return check(this, TextEncoderStream)[kTransform].readable; }
  get writable() { return check(this, TextEncoderStream)[kTransform].writable; }

  [inspectSymbol](depth, options) {
    check(this, TextEncoderStream);
    return customInspect(this, {
      encoding: 'utf-8', readable: this.readable, writable: this.writable,
    }, depth, options);
  }
}
makeEnumerable(TextEncoderStream, ['encoding', 'readable', 'writable']);
defineToStringTag(TextEncoderStream, 'TextEncoderStream');

class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const { TextDecoder } = require('internal/encoding');
    const decoder = new TextDecoder(encoding, options);
    Object.defineProperty(this, kCodec, { value: decoder });
    Object.defineProperty(this, kTransform, {
      value: new TransformStream({
        transform(chunk, controller) {
          const text = decoder.decode(chunk, { stream: true });
          if (text) controller.enqueue(text);
        },
        flush(controller) {
          const text = decoder.decode();
          if (text) controller.enqueue(text);
        },
      }),
    });
  }

  get encoding() { return check(this, TextDecoderStream)[kCodec].encoding; }
  get fatal() { return check(this, TextDecoderStream)[kCodec].fatal; }
  get ignoreBOM() { return check(this, TextDecoderStream)[kCodec].ignoreBOM; }
  get readable() { return check(this, TextDecoderStream)[kTransform].readable; }
  get writable() { return check(this, TextDecoderStream)[kTransform].writable; }

  [inspectSymbol](depth, options) {
    check(this, TextDecoderStream);
    return customInspect(this, {
      encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM,
      readable: this.readable, writable: this.writable,
    }, depth, options);
  }
}
makeEnumerable(TextDecoderStream, ['encoding', 'fatal', 'ignoreBOM', 'readable', 'writable']);
defineToStringTag(TextDecoderStream, 'TextDecoderStream');

module.exports = { TextEncoderStream, TextDecoderStream };
