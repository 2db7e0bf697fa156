'use strict';
// MessagePort, MessageChannel, BroadcastChannel and receiveMessageOnPort over the
// `messaging` binding. A MessagePort is the native object itself (so V8's serializer can
// recognise it in transfer lists); the binding calls onInit() on each new one, which makes
// it a NodeEventTarget, and emitMessage() for each message it receives.

const {
  MessagePort, createChannel, receiveMessageOnPort: receiveOne, broadcastChannel,
  isMessagePort, isPortOpen, setPortHooks, stopMessagePort, drainMessagePort, closeMessagePort,
} = internalBinding('messaging');
const {
  Event, EventTarget, NodeEventTarget, defineEventHandler, emitHybrid, initEventTarget,
  kIsNodeStyleListener,
} = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
// Installs the hooks that rebuild KeyObjects and CryptoKeys received in messages.
require('internal/worker/cloneable');
const {
  ERR_CONSTRUCT_CALL_REQUIRED, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_MISSING_ARGS,
} = require('internal/errors').codes;

const kOwner = Symbol('kOwner');
const kUntransferable = Symbol('kUntransferable');
const kListening = Symbol('kListening');
const kInternalListeners = Symbol('kInternalListeners');
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

// 'message' listeners that user code added (stdlib's own, added with
// addInternalListener, never keep a port alive).
function messageListenerCount(port) {
  return port.listenerCount('message') - port[kInternalListeners];
}

// Ref and start on the first 'message' listener; unref and stop after the last, so that
// later messages wait in the queue for the next listener (Node's rule). A once()
// listener goes away during dispatch, so emitMessage checks again afterwards.
function updateRef(port, before) {
  const after = messageListenerCount(port);
  if (before === 0 && after > 0) {
    port[kListening] = true;
    port.ref();
    port.start();
  } else if (after === 0 && port[kListening]) {
    port[kListening] = false;
    port.unref();
    stopMessagePort(port);
  }
}

const proto = MessagePort.prototype;
const nativePost = proto.postMessage;
const addListener = EventTarget.prototype.addEventListener;
const removeListener = EventTarget.prototype.removeEventListener;

// Between MessagePort.prototype and NodeEventTarget.prototype, so that the port's own
// prototype keeps Node's shape: every way of adding or removing a listener (on, once,
// onmessage ...) goes through these two and keeps the ref state right.
const portEvents = Object.create(NodeEventTarget.prototype, {
  addEventListener: {
    value: function addEventListener(type, ...rest) {
      const before = messageListenerCount(this);
      addListener.call(this, type, ...rest);
      if (type === 'message') updateRef(this, before);
    },
    writable: true,
    configurable: true,
  },
  removeEventListener: {
    value: function removeEventListener(type, ...rest) {
      const before = messageListenerCount(this);
      removeListener.call(this, type, ...rest);
      if (type === 'message') updateRef(this, before);
    },
    writable: true,
    configurable: true,
  },
});
Object.setPrototypeOf(proto, portEvents);
defineEventHandler(proto, 'message');
defineEventHandler(proto, 'messageerror');

// A stdlib listener on `port` that neither refs nor starts it (the caller decides).
function addInternalListener(port, type, listener) {
  addListener.call(port, type, listener, { [kIsNodeStyleListener]: true });
  if (type === 'message') port[kInternalListeners]++;
}

const hidden = { writable: true, configurable: true, enumerable: false };

// Called by C++ on every new port (this = the port).
function onInit() {
  initEventTarget(this);
  Object.defineProperty(this, kInternalListeners, { ...hidden, value: 0 });
  // Called by C++ once the handle has closed (not for a transferred port).
  Object.defineProperty(this, 'onclose', { ...hidden, value: onClose });
  const hooks = require('internal/async_hooks');
  hooks.emitInit(hooks.newAsyncId(), 'MESSAGEPORT', hooks.getDefaultTriggerAsyncId(), this);
}

function onClose() {
  if (this[kOwner] !== undefined) return;
  emitHybrid(this, new Event('close'), undefined);
}

// Called by C++ for each message: type is 'message' or 'messageerror' (data is then the
// error); ports are the MessagePorts the message transferred.
function emitMessage(data, type, ports) {
  const owner = this[kOwner];
  // A closed BroadcastChannel gets nothing more, even what was queued (unlike a port).
  if (owner !== undefined && !isPortOpen(this)) return;
  emitHybrid(owner ?? this, new MessageEvent(type, { data, ports }), data);
  if (this[kListening]) updateRef(this, 1);
}

setPortHooks(onInit, emitMessage);

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
  let doomed;
  try {
    doomed = nativePost.call(this, value, list);
  } catch (err) {
    if (err?.code === 'ERR_DATA_CLONE') throw new DOMException(err.message, 'DataCloneError');
    throw err;
  }
  if (doomed === true) {
    process.emitWarning('The target port was posted to itself, and the communication ' +
      'channel was lost');
  }
}

Object.defineProperties(proto, {
  postMessage: { value: postMessage, writable: true, configurable: true, enumerable: true },
  close: {
    value: function close(callback) {
      if (typeof callback === 'function') this.once('close', callback);
      closeMessagePort(this);
    },
    writable: true, configurable: true, enumerable: true,
  },
  [inspectCustom]: {
    value: function inspect(depth, options) {
      if (depth < 0) return 'MessagePort';
      const { inspect: show } = require('internal/util/inspect');
      const state = isPortOpen(this) ? { active: true, refed: this.hasRef() } :
        { active: false };
      return `MessagePort [EventTarget] ${show(state, options)}`;
    },
    configurable: true,
  },
});

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
    Object.defineProperty(this.#handle, kOwner, { value: this });
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
    closeMessagePort(this.#handle);
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
    BroadcastChannel.#check(this);
    if (depth < 0) return 'BroadcastChannel';
    const { inspect } = require('internal/util/inspect');
    return `BroadcastChannel ${inspect({
      name: this.#name,
      active: this.#handle !== undefined,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  addInternalListener,
  drainMessagePort,
  isMessagePort,
  markAsUntransferable,
  receiveMessageOnPort,
  stopMessagePort,
};
