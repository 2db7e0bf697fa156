'use strict';
// MessagePort, MessageChannel, BroadcastChannel and receiveMessageOnPort over the
// `messaging` binding. A MessagePort is the native object itself (so V8's serializer can
// recognise it in transfer lists); its events live in a companion NodeEventTarget that
// the port's EventTarget methods forward to.
// Differs from Node 20: inside listeners `this` and `event.target` are that companion,
// not the port.

const {
  MessagePort, createChannel, receiveMessageOnPort: receiveOne, broadcastChannel,
  isMessagePort,
} = internalBinding('messaging');
const {
  Event, EventTarget, NodeEventTarget, defineEventHandler, emitHybrid,
} = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const {
  ERR_CONSTRUCT_CALL_REQUIRED, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_ARGS,
} = require('internal/errors').codes;

const kTarget = Symbol('kTarget');
const kUntransferable = Symbol('kUntransferable');
const kIsBroadcast = Symbol('kIsBroadcast');
const kListening = Symbol('kListening');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

class MessageEvent extends Event {
  #data;
  #ports;

  constructor(type, options = undefined) {
    super(type, options);
    this.#data = options?.data ?? null;
    this.#ports = options?.ports ?? [];
  }

  get data() { return this.#data; }
  get ports() { return this.#ports; }
  get origin() { return ''; }
  get lastEventId() { return ''; }
  get source() { return null; }
}

function targetOf(port) {
  let target = port[kTarget];
  if (target === undefined) {
    target = new NodeEventTarget();
    Object.defineProperty(port, kTarget, { value: target, configurable: true });
  }
  return target;
}

function messageListenerCount(port) {
  return port[kTarget]?.listenerCount('message') ?? 0;
}

// Ref and start on the first 'message' listener, unref after the last (Node's rule).
// A once() listener goes away during dispatch, so emitMessage checks again afterwards.
function updateRef(port, before) {
  const after = messageListenerCount(port);
  if (before === 0 && after > 0) {
    port[kListening] = true;
    port.ref();
    port.start();
  } else if (after === 0 && port[kListening]) {
    port[kListening] = false;
    port.unref();
  }
}

const proto = MessagePort.prototype;
const nativeClose = proto.close;
const nativePost = proto.postMessage;
Object.setPrototypeOf(proto, NodeEventTarget.prototype);

function forwardAdd(name) {
  return function(type, ...rest) {
    const before = messageListenerCount(this);
    targetOf(this)[name](type, ...rest);
    if (type === 'message') updateRef(this, before);
    return name === 'addEventListener' ? undefined : this;
  };
}
function forwardRemove(name) {
  return function(type, ...rest) {
    const before = messageListenerCount(this);
    const target = this[kTarget];
    if (target !== undefined) target[name](type, ...rest);
    if (type === 'message' || type === undefined) updateRef(this, before);
    return name === 'removeEventListener' ? undefined : this;
  };
}

Object.defineProperties(proto, {
  addEventListener: { value: forwardAdd('addEventListener'), writable: true, configurable: true },
  on: { value: forwardAdd('on'), writable: true, configurable: true },
  addListener: { value: forwardAdd('addListener'), writable: true, configurable: true },
  once: { value: forwardAdd('once'), writable: true, configurable: true },
  removeEventListener: {
    value: forwardRemove('removeEventListener'), writable: true, configurable: true,
  },
  off: { value: forwardRemove('off'), writable: true, configurable: true },
  removeListener: { value: forwardRemove('removeListener'), writable: true, configurable: true },
  removeAllListeners: {
    value: forwardRemove('removeAllListeners'), writable: true, configurable: true,
  },
});
for (const name of ['dispatchEvent', 'emit', 'listenerCount', 'eventNames', 'setMaxListeners',
  'getMaxListeners']) {
  Object.defineProperty(proto, name, {
    value(...args) { return targetOf(this)[name](...args); },
    writable: true,
    configurable: true,
  });
}
defineEventHandler(proto, 'message');
defineEventHandler(proto, 'messageerror');

// Node's TypeError (ERR_INVALID_ARG_TYPE) for a transfer list that is not an iterable.
function notIterable(what) {
  const { makeNodeError } = require('internal/errors');
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `Optional ${what} argument must be an iterable`);
}

function iterateTransfer(transfer, what) {
  if (transfer === null || typeof transfer !== 'object' ||
      typeof transfer[Symbol.iterator] !== 'function') {
    throw notIterable(what);
  }
  if (Array.isArray(transfer)) return transfer;
  const iterator = transfer[Symbol.iterator]();
  if (iterator === null || typeof iterator !== 'object' ||
      typeof iterator.next !== 'function') {
    throw notIterable(what);
  }
  const list = [];
  for (let step = iterator.next(); ; step = iterator.next()) {
    if (step === null || typeof step !== 'object') throw notIterable(what);
    if (step.done) break;
    list.push(step.value);
  }
  return list;
}

function toTransferList(transfer) {
  if (transfer === undefined || transfer === null) return [];
  if (typeof transfer !== 'object') throw notIterable('transferList');
  if (!Array.isArray(transfer) && typeof transfer[Symbol.iterator] !== 'function') {
    transfer = transfer.transfer;
    if (transfer === undefined) return [];
    transfer = iterateTransfer(transfer, 'options.transfer');
  } else {
    transfer = iterateTransfer(transfer, 'transferList');
  }
  // Differs from Node 20 only in name: untransferable buffers are cloned, as in 20.
  return [...transfer].filter((item) => item === null || typeof item !== 'object' ||
    item[kUntransferable] !== true);
}

function postMessage(value, transfer) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
  const list = toTransferList(transfer);
  try {
    nativePost.call(this, value, list);
  } catch (err) {
    if (err?.code === 'ERR_DATA_CLONE') throw new DOMException(err.message, 'DataCloneError');
    throw err;
  }
}

Object.defineProperties(proto, {
  postMessage: { value: postMessage, writable: true, configurable: true, enumerable: true },
  close: {
    value: function close() { this.closeChannel(); },
    writable: true, configurable: true, enumerable: true,
  },
  // Called by C++ for each message ('message' or 'messageerror' with the error).
  emitMessage: {
    value: function emitMessage(data, type) {
      const target = this[kTarget];
      if (target === undefined) return;
      emitHybrid(target, new MessageEvent(type, { data }), data);
      if (this[kListening]) updateRef(this, 1);
    },
    configurable: true,
  },
  // Called by C++ once the handle has closed.
  onclose: {
    value: function onclose() {
      const target = this[kTarget];
      if (target === undefined || target[kIsBroadcast]) return;
      emitHybrid(target, new Event('close'), undefined);
    },
    writable: true,
    configurable: true,
  },
  [inspectCustom]: {
    value: function inspect(depth, options) {
      if (depth < 0) return 'MessagePort';
      const { inspect: show } = require('internal/util/inspect');
      return `MessagePort [EventTarget] ${show({
        active: this.hasRef() || messageListenerCount(this) > 0,
        refed: this.hasRef(),
      }, options)}`;
    },
    configurable: true,
  },
});
void nativeClose;

// A function rather than a class: calling it without `new` is Node's
// ERR_CONSTRUCT_CALL_REQUIRED, not V8's message.
function MessageChannel() {
  if (new.target === undefined) throw new ERR_CONSTRUCT_CALL_REQUIRED('MessageChannel');
  const [port1, port2] = createChannel();
  this.port1 = port1;
  this.port2 = port2;
}

let broadcastHandle; // (channel) => its port, set by BroadcastChannel's static block

function receiveMessageOnPort(port) {
  if (port instanceof BroadcastChannel) port = broadcastHandle(port) ?? port;
  if (!isMessagePort(port)) throw new ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
  const result = receiveOne(port);
  return result === undefined ? undefined : { message: result[0] };
}

function markAsUntransferable(object) {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) return;
  Object.defineProperty(object, kUntransferable, { value: true, configurable: false });
}

// BroadcastChannel: an EventTarget over a group port; it keeps the loop alive until
// close() or unref(), as in Node.
class BroadcastChannel extends EventTarget {
  #name;
  #handle;

  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this.#name = `${name}`;
    this.#handle = broadcastChannel(this.#name);
    Object.defineProperty(this.#handle, kTarget, { value: this });
    this.#handle.ref();
    this.#handle.start();
  }

  static {
    broadcastHandle = (channel) => channel.#handle;
  }

  static #check(channel) {
    if (channel === null || typeof channel !== 'object' || !(#name in channel)) {
      throw new ERR_INVALID_THIS('BroadcastChannel');
    }
  }

  get name() {
    BroadcastChannel.#check(this);
    return this.#name;
  }

  close() {
    BroadcastChannel.#check(this);
    if (this.#handle === undefined) return;
    this.#handle.closeChannel();
    this.#handle = undefined;
  }

  postMessage(message) {
    BroadcastChannel.#check(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this.#handle === undefined) {
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    postMessage.call(this.#handle, message);
  }

  ref() {
    BroadcastChannel.#check(this);
    this.#handle?.ref();
    return this;
  }

  unref() {
    BroadcastChannel.#check(this);
    this.#handle?.unref();
    return this;
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return 'BroadcastChannel';
    const { inspect } = require('internal/util/inspect');
    return `BroadcastChannel ${inspect({
      name: this.#name,
      active: this.#handle !== undefined,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
Object.defineProperty(BroadcastChannel.prototype, kIsBroadcast, { value: true });
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  isMessagePort,
  kTarget,
  markAsUntransferable,
  receiveMessageOnPort,
  targetOf,
};
