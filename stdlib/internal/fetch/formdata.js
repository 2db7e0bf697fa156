'use strict';
// FormData (xhr.spec.whatwg.org §5) with multipart/form-data serialisation and a basic
// parser for Body#formData().

const { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS } = require('internal/errors').codes;
const { customInspect } = require('internal/webstreams/util');

const kEntries = Symbol('kEntries');

function check(self) {
  if (self === null || typeof self !== 'object' || self[kEntries] === undefined) {
    throw new ERR_INVALID_THIS('FormData');
  }
  return self[kEntries];
}

function makeEntry(name, value, filename) {
  const { Blob, File } = require('buffer');
  name = `${name}`;
  if (value instanceof Blob) {
    if (!(value instanceof File) || filename !== undefined) {
      const fname = filename !== undefined ? `${filename}` :
        (value instanceof File ? value.name : 'blob');
      value = new File([value], fname, { type: value.type, lastModified: value.lastModified });
    }
  } else {
    value = `${value}`;
  }
  return { name, value };
}

class FormData {
  constructor(form = undefined) {
    if (form !== undefined) {
      throw new ERR_INVALID_ARG_TYPE('form', 'undefined', form);
    }
    Object.defineProperty(this, kEntries, { value: [] });
  }

  append(name, value, filename = undefined) {
    check(this).push(makeEntry(name, value, filename));
  }

  delete(name) {
    const entries = check(this);
    name = `${name}`;
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i].name === name) entries.splice(i, 1);
  }

  get(name) {
    name = `${name}`;
    const entry = check(this).find((e) => e.name === name);
    return entry === undefined ? null : entry.value;
  }

  getAll(name) {
    name = `${name}`;
    return check(this).filter((e) => e.name === name).map((e) => e.value);
  }

  has(name) {
    name = `${name}`;
    return check(this).some((e) => e.name === name);
  }

  set(name, value, filename = undefined) {
    const entries = check(this);
    const entry = makeEntry(name, value, filename);
    const i = entries.findIndex((e) => e.name === entry.name);
    if (i === -1) {
      entries.push(entry);
      return;
    }
    entries[i] = entry;
    for (let j = entries.length - 1; j > i; j--) if (entries[j].name === entry.name) entries.splice(j, 1);
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    for (const [name, value] of this) Reflect.apply(callback, thisArg, [value, name, this]);
  }

  * entries() { for (const e of check(this)) yield [e.name, e.value]; }
  * keys() { for (const e of check(this)) yield e.name; }
  * values() { for (const e of check(this)) yield e.value; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    return customInspect(this, check(this).map((e) => [e.name, e.value]), depth, options);
  }
}
FormData.prototype[Symbol.iterator] = FormData.prototype.entries;
Object.defineProperty(FormData.prototype, Symbol.toStringTag, {
  value: 'FormData', configurable: true,
});

const escapeName = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
const normalizeLines = (s) => s.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n');

// multipart/form-data serialisation (RFC 7578 as the HTML spec profiles it).
function serializeFormData(fd) {
  const { File } = require('buffer');
  const enc = new TextEncoder();
  const boundary = `----formdata-skua-${`${Math.random()}`.slice(2)}${`${Math.random()}`.slice(2, 8)}`;
  const parts = [];
  for (const { name, value } of check(fd)) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(normalizeLines(name))}"`;
    if (value instanceof File) {
      head += `; filename="${escapeName(value.name)}"\r\nContent-Type: ${
        value.type || 'application/octet-stream'}\r\n\r\n`;
      parts.push(enc.encode(head), value[require('internal/buffer/blob').kBytes],
                 enc.encode('\r\n'));
    } else {
      parts.push(enc.encode(`${head}\r\n\r\n${normalizeLines(value)}\r\n`));
    }
  }
  parts.push(enc.encode(`--${boundary}--\r\n`));
  let total = 0;
  for (const p of parts) total += p.byteLength;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.byteLength;
  }
  return { boundary, bytes };
}

function indexOf(bytes, pattern, from) {
  outer: for (let i = from; i <= bytes.length - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function parseMultipart(bytes, boundary) {
  const { File } = require('buffer');
  const fd = new FormData();
  const delim = new TextEncoder().encode(`--${boundary}`);
  const dec = new TextDecoder();
  let pos = indexOf(bytes, delim, 0);
  if (pos === -1) throw new TypeError('Failed to parse body as FormData');
  for (;;) {
    pos += delim.length;
    if (bytes[pos] === 45 && bytes[pos + 1] === 45) break; // closing "--"
    pos += 2; // CRLF
    const headerEnd = indexOf(bytes, new Uint8Array([13, 10, 13, 10]), pos);
    if (headerEnd === -1) throw new TypeError('Failed to parse body as FormData');
    const headers = dec.decode(bytes.subarray(pos, headerEnd));
    const next = indexOf(bytes, delim, headerEnd + 4);
    if (next === -1) throw new TypeError('Failed to parse body as FormData');
    const content = bytes.subarray(headerEnd + 4, next - 2);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined) {
      const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1] ?? '';
      fd.append(name, new File([content], filename, { type }));
    } else {
      fd.append(name, dec.decode(content));
    }
    pos = next;
  }
  return fd;
}

module.exports = { FormData, serializeFormData, parseMultipart };
