'use strict';
// The IPC channel of fork(): a Pipe opened in IPC mode, with send()/'message'/
// disconnect()/'disconnect' installed on its owner (a ChildProcess in the parent,
// `process` in the child). Messages are framed by internal/child_process/serialization
// and delivered on the next tick, as Node does; messages whose `cmd` starts with 'NODE_'
// are 'internalMessage's.
//
// Reference counting (Node's Control): the parent's channel keeps its loop alive until
// disconnect; the child's is unref'd and held only while it has 'message' or
// 'disconnect' listeners or a write is in flight, unless channel.ref()/unref() was
// called explicitly. Handles (net.Server, net.Socket, dgram sockets, raw handles) travel
// with a message as described in internal/child_process/handle_conversion.

const EventEmitter = require('events');
const { WriteWrap, streamBaseState, kLastWriteWasAsync } = internalBinding('stream_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_IPC_CHANNEL_CLOSED, ERR_IPC_DISCONNECTED, ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const { errnoException } = require('internal/net/exceptions');
const serialization = require('internal/child_process/serialization');
const {
  handleConversion, handleType, acceptPending,
} = require('internal/child_process/handle_conversion');

const kChannelHandle = Symbol('kChannelHandle');
const kInternalPrefix = 'NODE_';

class Control extends EventEmitter {
  #channel;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
  }

  // Held by a listener or an in-flight write.
  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) this.#channel.ref();
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit('unref');
    }
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

function isInternal(message) {
  return message !== null && typeof message === 'object' &&
    typeof message.cmd === 'string' && message.cmd.length > kInternalPrefix.length &&
    message.cmd.startsWith(kInternalPrefix);
}

function nop() {}

function setupChannel(target, channel, serializationMode) {
  const control = new Control(channel);
  const framing = serialization[serializationMode];
  framing.initChannel(channel);
  target.channel = control;
  target[kChannelHandle] = channel;
  Object.defineProperty(target, '_channel', {
    get() { return this.channel; },
    set(value) { this.channel = value; },
    configurable: true,
    enumerable: false,
  });
  target._handleQueue = null;
  target._pendingMessage = null;

  function handleMessage(message, handle, internal) {
    if (!target.channel) return;
    process.nextTick(() => {
      target.emit(internal ? 'internalMessage' : 'message', message, handle);
    });
  }

  // Descriptors received and not yet matched with their NODE_HANDLE message.
  const receivedHandles = [];

  function onHandleMessage(message) {
    const handle = receivedHandles.shift();
    const conversion = handleConversion[message.type];
    if (handle === undefined || conversion === undefined) {
      if (handle !== undefined) handle.close();
      target._send({ cmd: 'NODE_HANDLE_NACK' }, null, { swallowErrors: true });
      return;
    }
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, { swallowErrors: true });
    conversion.got(message, handle, (object) => {
      handleMessage(message.msg, object, isInternal(message.msg));
    });
  }

  // The other end has the handle in flight (ACK) or did not get it (NACK): send what
  // waited behind it.
  function onHandleAck(message) {
    const queue = target._handleQueue;
    target._handleQueue = null;
    const pending = target._pendingMessage;
    target._pendingMessage = null;
    if (pending && message.cmd === 'NODE_HANDLE_ACK') pending.handle.close();
    if (queue) {
      for (const args of queue) target._send(args.message, args.handle, args.options, args.callback);
    }
    if (!target.connected && target.channel && !target._handleQueue) target._disconnect();
  }

  channel.buffering = false;
  channel.onread = (nread, arrayBuffer, pendingTypes) => {
    if (pendingTypes !== undefined) acceptPending(channel, pendingTypes, receivedHandles);
    if (nread > 0) {
      const chunk = require('buffer').Buffer.from(arrayBuffer, 0, nread);
      for (const message of framing.parseChannelMessages(channel, chunk)) {
        const internal = isInternal(message);
        if (internal && message.cmd === 'NODE_HANDLE') onHandleMessage(message);
        else if (internal && (message.cmd === 'NODE_HANDLE_ACK' ||
                              message.cmd === 'NODE_HANDLE_NACK')) onHandleAck(message);
        else handleMessage(message, undefined, internal);
      }
      return;
    }
    if (nread === 0) return;
    // EOF or an error: the other end is gone.
    channel.buffering = false;
    if (target.connected) target.disconnect();
    channel.onread = nop;
    channel.close();
    target.channel = null;
    if (target._closesNeeded !== undefined) {
      require('internal/child_process/child_process').maybeClose(target);
    }
  };

  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }
    options = { swallowErrors: false, ...options };
    if (this.connected) return this._send(message, handle, options, callback);
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') process.nextTick(callback, ex);
    else process.nextTick(() => this.emit('error', ex));
    return false;
  };

  target._send = function _send(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');
    if (typeof message !== 'string' && typeof message !== 'object' &&
        typeof message !== 'number' && typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('message', ['string', 'object', 'number', 'boolean'],
                                     message);
    }
    if (typeof options === 'boolean') options = { swallowErrors: options };
    if (options == null) options = {};
    let conversion;
    if (handle) {
      message = { cmd: 'NODE_HANDLE', type: handleType(handle), msg: message };
      // One handle at a time: wait for the ACK of the one in flight.
      if (this._handleQueue) {
        this._handleQueue.push({ callback, handle, options, message: message.msg });
        return this._handleQueue.length === 1;
      }
      conversion = handleConversion[message.type];
      handle = conversion.send(message, handle, options);
      if (!handle) message = message.msg;  // Nothing left to send (a closed socket).
    } else if (this._handleQueue && !(isInternal(message) &&
               (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK'))) {
      this._handleQueue.push({ callback, handle: null, options, message });
      return this._handleQueue.length === 1;
    }
    const req = new WriteWrap();
    if (handle) req.handle = handle;  // Alive until the descriptor is written.
    const err = framing.writeChannelMessage(channel, req, message, handle || undefined);
    const wasAsync = streamBaseState[kLastWriteWasAsync];
    if (err === 0 && handle) {
      if (!this._handleQueue) this._handleQueue = [];
      if (conversion.postSend) conversion.postSend(message, handle, options, callback, this);
    }
    if (err === 0) {
      if (wasAsync) {
        control.refCounted();
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === 'function') callback(null);
        };
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else if (!options.swallowErrors) {
      const ex = errnoException(err, 'write');
      if (typeof callback === 'function') process.nextTick(callback, ex);
      else process.nextTick(() => this.emit('error', ex));
    }
    // Ask the sender to wait once the other end is two reads behind.
    return channel.writeQueueSize < 65536 * 2;
  };

  // connected turns false as soon as disconnect() is called; channel turns null once
  // the channel is really gone.
  target.connected = true;

  target.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }
    this.connected = false;
    // Messages waiting behind a handle go first (see onHandleAck).
    if (!this._handleQueue) this._disconnect();
  };

  target._disconnect = function _disconnect() {
    this.channel = null;
    this[kChannelHandle] = null;
    let fired = false;
    const finish = () => {
      if (fired) return;
      fired = true;
      channel.close();
      target.emit('disconnect');
    };
    // A message half read is delivered first.
    if (channel.buffering) {
      this.once('message', finish);
      this.once('internalMessage', finish);
      return;
    }
    process.nextTick(finish);
  };

  channel.readStart();
  return control;
}

module.exports = { setupChannel, kChannelHandle };
