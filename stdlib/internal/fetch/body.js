'use strict';
// Fetch bodies (fetch.spec.whatwg.org §5.3 "Body mixin"): extracting a body from
// BodyInit, and text/json/arrayBuffer/blob/formData that consume it.

const { ERR_INVALID_STATE } = require('internal/errors').codes;
const { kState } = require('internal/webstreams/util');
const { ReadableStream, isDisturbed, isLocked } = require('internal/webstreams/readablestream');
const { FormData, serializeFormData, parseMultipart } = require('internal/fetch/formdata');

const kBody = Symbol('kBody');
const encoder = () => new (require('internal/encoding').TextEncoder)();

function streamOfBytes(bytes) {
  return new ReadableStream({
    type: 'bytes',
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

// BodyInit -> { stream, source, length, type }.
function extractBody(object, keepalive = false) {
  const { Blob } = require('buffer');
  let source = null;
  let length = null;
  let type = null;
  let stream;
  if (typeof object === 'string') {
    source = encoder().encode(object);
    type = 'text/plain;charset=UTF-8';
  } else if (object instanceof URLSearchParams) {
    source = encoder().encode(object.toString());
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (object instanceof ArrayBuffer) {
    source = new Uint8Array(object.slice(0));
  } else if (ArrayBuffer.isView(object)) {
    source = new Uint8Array(object.buffer.slice(object.byteOffset,
                                                object.byteOffset + object.byteLength));
  } else if (object instanceof Blob) {
    stream = object.stream();
    length = object.size;
    if (object.type) type = object.type;
    source = object;
  } else if (object instanceof FormData) {
    const { boundary, bytes } = serializeFormData(object);
    source = bytes;
    type = `multipart/form-data; boundary=${boundary}`;
  } else if (object instanceof ReadableStream) {
    if (keepalive) throw new TypeError('keepalive cannot be used with a ReadableStream body');
    if (isDisturbed(object) || isLocked(object[kState])) {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked or disturbed');
    }
    stream = object;
  } else if (object !== null && typeof object === 'object' &&
             typeof object[Symbol.asyncIterator] === 'function') {
    stream = ReadableStream.from(object);
  } else {
    source = encoder().encode(`${object}`);
    type = 'text/plain;charset=UTF-8';
  }
  if (source instanceof Uint8Array) {
    length = source.byteLength;
    stream = streamOfBytes(source);
  }
  return { stream, source, length, type };
}

async function readAllBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) {
      throw new TypeError('Received non-Uint8Array chunk');
    }
    chunks.push(value);
    total += value.byteLength;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function bodyUsed(self) {
  const body = self[kBody];
  return body != null && body.stream != null && isDisturbed(body.stream);
}

function consume(self) {
  const body = self[kBody];
  if (bodyUsed(self)) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  if (body == null || body.stream == null) return Promise.resolve(new Uint8Array(0));
  if (isLocked(body.stream[kState])) {
    return Promise.reject(new TypeError('Body is unusable: Body is locked'));
  }
  return readAllBytes(body.stream);
}

function mimeType(self) {
  return self.headers.get('content-type') ?? '';
}

const bodyMixin = {
  get body() { return this[kBody]?.stream ?? null; },
  get bodyUsed() { return bodyUsed(this); },
  arrayBuffer() {
    return consume(this).then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  },
  blob() {
    const { Blob } = require('buffer');
    return consume(this).then((b) => new Blob([b], { type: mimeType(this) }));
  },
  formData() {
    return consume(this).then((bytes) => {
      const type = mimeType(this);
      const text = new TextDecoder().decode(bytes);
      if (/^multipart\/form-data/i.test(type)) {
        const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
        if (!m) throw new TypeError('Missing boundary in multipart/form-data');
        return parseMultipart(bytes, m[1] ?? m[2]);
      }
      if (/^application\/x-www-form-urlencoded/i.test(type)) {
        const fd = new FormData();
        for (const [k, v] of new URLSearchParams(text)) fd.append(k, v);
        return fd;
      }
      throw new TypeError('Response body is not form data');
    });
  },
  json() {
    return consume(this).then((b) => JSON.parse(new TextDecoder().decode(b)));
  },
  text() {
    return consume(this).then((b) => new TextDecoder().decode(b));
  },
};

function applyBodyMixin(Class) {
  for (const key of Object.keys(bodyMixin)) {
    const desc = Object.getOwnPropertyDescriptor(bodyMixin, key);
    desc.enumerable = true;
    Object.defineProperty(Class.prototype, key, desc);
  }
}

function cloneBody(body) {
  if (body == null) return body;
  const [a, b] = body.stream.tee();
  body.stream = a;
  return { ...body, stream: b };
}

module.exports = { kBody, extractBody, applyBodyMixin, cloneBody, bodyUsed, readAllBytes };
