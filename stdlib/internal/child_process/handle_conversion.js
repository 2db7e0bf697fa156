'use strict';
// Handles sent over an IPC channel (Node's NODE_HANDLE protocol). `send(msg, handle)`
// wraps the message as `{ cmd: 'NODE_HANDLE', type, msg }` and writes it together with
// the handle's descriptor (uv_write2). The receiver accepts the descriptor into a new
// handle, answers NODE_HANDLE_ACK (or NODE_HANDLE_NACK when no descriptor came with the
// message, and the sender retries), and rebuilds the object of `type`:
//   'net.Server'   a net.Server listening on the handle
//   'net.Socket'   a net.Socket over the connected handle
//   'net.Native'   a raw TCP/Pipe handle, as sent
//   'dgram.Socket' a dgram.Socket bound to the handle (message.dgramType: udp4|udp6)
//   'dgram.Native' a raw UDP handle
// Only one handle is in flight per channel: later messages wait in target._handleQueue
// for the ACK. A net.Socket sent without { keepOpen: true } stops reading at once and
// its handle is closed in the sender when the ACK arrives.

const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { UDP } = internalBinding('udp_wrap');
const { codes: { ERR_INVALID_HANDLE_TYPE } } = require('internal/errors');

function nop() {}

const handleConversion = {
  'net.Native': {
    simultaneousAccepts: true,
    send(message, handle) { return handle; },
    got(message, handle, emit) { emit(handle); },
  },

  'net.Server': {
    simultaneousAccepts: true,
    send(message, server) { return server._handle; },
    got(message, handle, emit) {
      const net = require('net');
      const server = new net.Server();
      server.listen(handle, () => emit(server));
    },
  },

  'net.Socket': {
    send(message, socket, options) {
      const handle = socket._handle;
      if (!handle) return undefined;
      if (!options.keepOpen) {
        // The receiving process owns the connection from now on.
        handle.onread = nop;
        if (handle.readStop) handle.readStop();
        socket._handle = null;
        socket.setTimeout(0);
        const server = socket.server;
        if (server && server._connections > 0) {
          server._connections--;
          if (server._emitCloseIfDrained) server._emitCloseIfDrained();
        }
      }
      return handle;
    },
    postSend(message, handle, options, callback, target) {
      if (!handle || options.keepOpen) return;
      if (target) {
        target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
      } else {
        handle.close();
      }
    },
    got(message, handle, emit) {
      const net = require('net');
      const socket = new net.Socket({ handle, readable: true, writable: true });
      emit(socket);
    },
  },

  'dgram.Native': {
    send(message, handle) { return handle; },
    got(message, handle, emit) { emit(handle); },
  },

  'dgram.Socket': {
    send(message, socket) {
      const { kStateSymbol } = require('internal/dgram');
      message.dgramType = socket.type;
      return socket[kStateSymbol].handle;
    },
    got(message, handle, emit) {
      const dgram = require('dgram');
      const socket = new dgram.Socket(message.dgramType);
      socket.bind(handle, () => emit(socket));
    },
  },
};

// The conversion type of `handle`, or throws ERR_INVALID_HANDLE_TYPE.
function handleType(handle) {
  const net = require('net');
  const dgram = require('dgram');
  if (handle instanceof net.Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  if (handle instanceof TCP || handle instanceof Pipe) return 'net.Native';
  if (handle instanceof dgram.Socket) return 'dgram.Socket';
  if (handle instanceof UDP) return 'dgram.Native';
  throw new ERR_INVALID_HANDLE_TYPE();
}

// Accepts every descriptor a read brought (`types` from onread) into new handles.
function acceptPending(channel, types, queue) {
  for (const type of types) {
    let handle;
    if (type === 'TCP') handle = new TCP(TCPConstants.SOCKET);
    else if (type === 'UDP') handle = new UDP();
    else handle = new Pipe(PipeConstants.SOCKET);
    if (channel.acceptHandle(handle) === 0) queue.push(handle);
    else handle.close();
  }
}

module.exports = { handleConversion, handleType, acceptPending };
