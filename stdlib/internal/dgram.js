'use strict';
// Pieces of node:dgram that are not the Socket class: the UDP handle per socket type
// (with its host-name lookup), the dgram error codes, buffer-size access and argument
// normalisation for send().

const { UDP } = internalBinding('udp_wrap');
const { codes, E } = require('internal/errors');
const { SystemError } = require('internal/system_error');
const { validateFunction } = require('internal/validators');

const kStateSymbol = Symbol('state symbol');
const kOwner = Symbol('owner_symbol');

// Node's dgram error codes, registered here so net and the rest need not carry them.
if (codes.ERR_SOCKET_ALREADY_BOUND === undefined) {
  E('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound', Error);
  E('ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer', TypeError);
  E('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6',
    TypeError);
  E('ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected', Error);
  E('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected', Error);
  E('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running', Error);
}
const { ERR_SOCKET_BAD_TYPE, ERR_SOCKET_BAD_BUFFER_SIZE } = codes;

// ERR_SOCKET_BUFFER_SIZE: a SystemError with its own code and message prefix, as Node's.
class SocketBufferSizeError extends SystemError {
  constructor(ctx) {
    const info = { errno: ctx.errno, code: ctx.code, message: ctx.message, syscall: ctx.syscall };
    super(info);
    this.code = 'ERR_SOCKET_BUFFER_SIZE';
    this.message = 'Could not get or set buffer size: ' +
      `${info.syscall} returned ${info.code} (${info.message})`;
  }
}

let dns;
function defaultLookup(...args) {
  dns ??= require('dns');
  return dns.lookup(...args);
}

// A UDP handle whose lookup/bind/connect/send fit `type` ('udp4' or 'udp6').
function newHandle(type, lookup) {
  if (lookup === undefined) {
    lookup = defaultLookup;
  } else {
    validateFunction(lookup, 'lookup');
  }
  if (type === 'udp4') {
    const handle = new UDP();
    handle.lookup = (address, callback) => lookup(address || '127.0.0.1', 4, callback);
    return handle;
  }
  if (type === 'udp6') {
    const handle = new UDP();
    handle.lookup = (address, callback) => lookup(address || '::1', 6, callback);
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }
  throw new ERR_SOCKET_BAD_TYPE();
}

// Sets (size > 0) or reads (size 0) a socket's receive or send buffer size.
function bufferSize(socket, size, isRecv) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const ctx = {};
  const ret = socket[kStateSymbol].handle.bufferSize(size, isRecv, ctx);
  if (ret === undefined) throw new SocketBufferSizeError(ctx);
  return ret;
}

const kBufferTypes = ['Buffer', 'TypedArray', 'DataView', 'string'];

function toBuffer(chunk) {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

// The bytes [offset, offset + length) of a string or ArrayBufferView, as a Buffer.
function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!ArrayBuffer.isView(buffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  }
  offset >>>= 0;
  length >>>= 0;
  if (offset > buffer.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) throw new codes.ERR_BUFFER_OUT_OF_BOUNDS('length');
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

// The list of Buffers send() hands the binding.
function toBufferList(buffer) {
  if (Array.isArray(buffer)) {
    for (const chunk of buffer) {
      if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) {
        throw new codes.ERR_INVALID_ARG_TYPE('buffer list arguments', kBufferTypes, buffer);
      }
    }
    return buffer.map(toBuffer);
  }
  if (typeof buffer !== 'string' && !ArrayBuffer.isView(buffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  }
  return [toBuffer(buffer)];
}

module.exports = {
  kStateSymbol, kOwner, newHandle, bufferSize, sliceBuffer, toBufferList,
};
