'use strict';
// Blob and File (W3C File API), kept in memory: the parts are copied once into one
// immutable byte array that slices share.
// Differs from Node 20: no object URLs.

const {
  ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS,
  ERR_MISSING_ARGS,
} = require('internal/errors').codes;
const { customInspectSymbol } = require('internal/util/inspect');
const binding = internalBinding('buffer');
const { kUtf8 } = require('internal/buffer/encodings');

const kBytes = Symbol('kBytes');
const kType = Symbol('kType');

function bytesOf(part, endings) {
  if (part instanceof Blob) return part[kBytes];
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  }
  if (part instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer === 'function' && part instanceof SharedArrayBuffer)) {
    return new Uint8Array(part.slice(0));
  }
  let text = `${part}`;
  // On POSIX the native line ending is '\n': only lone '\r' and '\r\n' change.
  if (endings === 'native') text = text.replace(/\r\n?/g, '\n');
  return new Uint8Array(binding.fromString(text, kUtf8));
}

// The type attribute: lower-cased, or '' if it holds anything but printable ASCII.
function normalizeType(type) {
  type = `${type}`;
  return /[^\u0020-\u007e]/.test(type) ? '' : type.toLowerCase();
}

function checkThis(blob) {
  if (!(blob instanceof Blob) || blob[kBytes] === undefined) throw new ERR_INVALID_THIS('Blob');
}

class Blob {
  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources !== 'object' ||
        typeof sources[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined && options !== null && typeof options !== 'object' &&
        typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const { endings = 'transparent', type = '' } = options ?? {};
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    const parts = [];
    let size = 0;
    for (const part of sources) {
      const bytes = bytesOf(part, `${endings}`);
      size += bytes.length;
      if (size > binding.kMaxLength) throw new ERR_BUFFER_TOO_LARGE(binding.kMaxLength);
      parts.push(bytes);
    }
    let bytes;
    if (parts.length === 1) {
      bytes = parts[0];
    } else {
      bytes = new Uint8Array(size);
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.length;
      }
    }
    this[kBytes] = bytes;
    this[kType] = normalizeType(type);
  }

  get size() {
    checkThis(this);
    return this[kBytes].length;
  }

  get type() {
    checkThis(this);
    return this[kType];
  }

  // Negative positions count from the end, as in Array#slice.
  slice(start = 0, end = this.size, contentType = '') {
    checkThis(this);
    const size = this.size;
    const clamp = (n) => {
      n = Math.trunc(+n) || 0;
      return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
    };
    const from = clamp(start);
    const to = Math.max(clamp(end), from);
    const blob = new Blob();
    blob[kBytes] = this[kBytes].subarray(from, to);
    blob[kType] = normalizeType(contentType);
    return blob;
  }

  text() {
    if (!(this instanceof Blob)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this[kBytes];
    return Promise.resolve(binding.decode(bytes, 0, bytes.length, kUtf8));
  }

  arrayBuffer() {
    if (!(this instanceof Blob)) return Promise.reject(new ERR_INVALID_THIS('Blob'));
    const bytes = this[kBytes];
    return Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  }

  // A byte stream over the bytes, handed out in chunks of at most 64 KiB.
  stream() {
    checkThis(this);
    const bytes = this[kBytes];
    let offset = 0;
    const { ReadableStream } = require('internal/webstreams/readablestream');
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        const end = Math.min(offset + 65536, bytes.length);
        if (end > offset) controller.enqueue(bytes.slice(offset, end));
        offset = end;
        if (offset >= bytes.length) {
          controller.close();
          controller.byobRequest?.respond(0);
        }
      },
    });
  }

  [customInspectSymbol](depth, options, inspect) {
    if (depth < 0) return this;
    const shown = { size: this.size, type: this.type };
    return `${this.constructor.name} ${inspect(shown, { ...options, depth: options.depth })}`;
  }
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });
for (const name of ['size', 'type', 'slice', 'text', 'arrayBuffer', 'stream']) {
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Blob.prototype, name, desc);
}

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    this.#name = `${fileName}`;
    const lastModified = options?.lastModified;
    this.#lastModified = lastModified === undefined ? Date.now() : Math.trunc(+lastModified) || 0;
  }

  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }
}

Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

// The Blob that URL.createObjectURL() registered under `url`, or undefined.
function resolveObjectURL(url) {
  return require('internal/url').resolveObjectURL(url);
}

module.exports = { Blob, File, resolveObjectURL, kBytes };
