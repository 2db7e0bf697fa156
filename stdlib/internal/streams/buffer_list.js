'use strict';
// The queue behind a Readable's buffer: a singly linked list of chunks (Buffers or
// strings, or any value in object mode) with the byte/char-level take-from-front that
// read(n) needs.

const { getBuffer } = require('internal/streams/utils');

class BufferList {
  constructor() {
    this.head = null;
    this.tail = null;
    this.length = 0;
  }

  push(v) {
    const entry = { data: v, next: null };
    if (this.length > 0) this.tail.next = entry;
    else this.head = entry;
    this.tail = entry;
    ++this.length;
  }

  unshift(v) {
    const entry = { data: v, next: this.head };
    if (this.length === 0) this.tail = entry;
    this.head = entry;
    ++this.length;
  }

  shift() {
    if (this.length === 0) return undefined;
    const ret = this.head.data;
    if (this.length === 1) this.head = this.tail = null;
    else this.head = this.head.next;
    --this.length;
    return ret;
  }

  clear() {
    this.head = this.tail = null;
    this.length = 0;
  }

  first() {
    return this.head.data;
  }

  join(separator) {
    const parts = [];
    for (let p = this.head; p; p = p.next) parts.push(`${p.data}`);
    return parts.join(separator);
  }

  // All chunks as one Buffer of `n` bytes.
  concat(n) {
    const Buffer = getBuffer();
    if (this.length === 0) return Buffer.alloc(0);
    const ret = Buffer.allocUnsafe(n >>> 0);
    let offset = 0;
    for (let p = this.head; p; p = p.next) {
      ret.set(p.data, offset);
      offset += p.data.length;
    }
    return ret;
  }

  // Takes `n` bytes (or characters, when the chunks are strings) off the front.
  consume(n, hasStrings) {
    const data = this.head.data;
    if (n < data.length) {
      this.head.data = data.slice(n);
      return data.slice(0, n);
    }
    if (n === data.length) return this.shift();
    return hasStrings ? this._takeString(n) : this._takeBuffer(n);
  }

  *[Symbol.iterator]() {
    for (let p = this.head; p; p = p.next) yield p.data;
  }

  _takeString(n) {
    let ret = '';
    while (n > 0 && this.head) {
      const str = this.head.data;
      if (n >= str.length) {
        ret += str;
        n -= str.length;
        this.shift();
      } else {
        ret += str.slice(0, n);
        this.head.data = str.slice(n);
        n = 0;
      }
    }
    return ret;
  }

  _takeBuffer(n) {
    const Buffer = getBuffer();
    const ret = Buffer.allocUnsafe(n);
    const total = n;
    while (n > 0 && this.head) {
      const buf = this.head.data;
      const offset = total - n;
      if (n >= buf.length) {
        ret.set(buf, offset);
        n -= buf.length;
        this.shift();
      } else {
        ret.set(new Uint8Array(buf.buffer, buf.byteOffset, n), offset);
        this.head.data = buf.slice(n);
        n = 0;
      }
    }
    return ret;
  }
}

module.exports = BufferList;
