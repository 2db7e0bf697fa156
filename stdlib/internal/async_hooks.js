'use strict';
// The async context of operations that JS schedules (ticks, queueMicrotask, timers,
// immediates, AsyncResource): the context frame AsyncLocalStorage reads, async ids and the
// execution stack, and the calls of createHook() hooks. Native operations get their frame
// in C++ (Realm::MakeCallback); promises get theirs from V8. Design: runtime/README.md,
// "Async context".

const {
  getFrame,
  setFrame,
  swapFrame,
  enableAsyncFrames,
  setNativeHooks,
} = internalBinding('async_wrap');
const { enqueueMicrotask } = internalBinding('task_queue');

const kAsyncId = Symbol('asyncId');
const kTriggerAsyncId = Symbol('triggerAsyncId');
const kFrame = Symbol('asyncContextFrame');

// `tracking` turns on when node:async_hooks loads: from then on ticks and microtasks get
// async ids and frames too (timers and immediates always have them).
const state = { tracking: false, framesEnabled: false };

// ---- Frames ---------------------------------------------------------------------------
// A frame is a Map from AsyncLocalStorage to its store, or undefined (no stores). It is
// V8's continuation-preserved embedder data, which follows promise reactions by itself.

function enableFrames() {
  if (state.framesEnabled) return;
  state.framesEnabled = true;
  state.tracking = true;
  enableAsyncFrames();
}

function currentFrame() {
  return state.framesEnabled ? getFrame() : undefined;
}

// Makes `frame` current; returns the frame that exitFrame() puts back.
function enterFrame(frame) {
  return state.framesEnabled ? swapFrame(frame) : undefined;
}

function exitFrame(outer) {
  if (state.framesEnabled) setFrame(outer);
}

// ---- Async ids and the execution stack -------------------------------------------------

const topLevelResource = {};
let asyncIdCounter = 1;  // 1 is the main script's.
let executionAsyncId = 1;
let triggerAsyncId = 0;
let executionAsyncResource = topLevelResource;
let defaultTriggerAsyncId = -1;
// The outer contexts: [asyncId, triggerAsyncId, resource] triples.
const outerContexts = [];

function newAsyncId() {
  return ++asyncIdCounter;
}

function getDefaultTriggerAsyncId() {
  return defaultTriggerAsyncId < 0 ? executionAsyncId : defaultTriggerAsyncId;
}

// Runs fn with `id` as the trigger id of the resources it creates.
function defaultTriggerAsyncIdScope(id, fn, ...args) {
  const outer = defaultTriggerAsyncId;
  defaultTriggerAsyncId = id;
  try {
    return fn(...args);
  } finally {
    defaultTriggerAsyncId = outer;
  }
}

function pushContext(asyncId, trigger, resource) {
  outerContexts.push(executionAsyncId, triggerAsyncId, executionAsyncResource);
  executionAsyncId = asyncId;
  triggerAsyncId = trigger;
  executionAsyncResource = resource;
}

function popContext() {
  if (outerContexts.length === 0) return;
  executionAsyncResource = outerContexts.pop();
  triggerAsyncId = outerContexts.pop();
  executionAsyncId = outerContexts.pop();
}

// ---- Hooks ----------------------------------------------------------------------------

// Enabled AsyncHook objects ({ init, before, after, destroy, promiseResolve }), replaced
// (never mutated) on change so that an emit in progress keeps its list.
let hooks = [];
const counts = { init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0 };

// Node treats an exception in a hook as fatal: print it and exit with 1.
function fatalError(error) {
  let text = error?.stack;
  if (typeof text !== 'string') {
    const holder = { message: String(error) };
    Error.captureStackTrace(holder, fatalError);
    text = holder.stack;
  }
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

function emit(name, ...args) {
  const list = hooks;
  for (let i = 0; i < list.length; i++) {
    const fn = list[i][name];
    if (fn === undefined) continue;
    try {
      fn.apply(list[i].owner, args);
    } catch (error) {
      fatalError(error);
    }
  }
}

function emitInit(asyncId, type, trigger, resource) {
  if (counts.init > 0) emit('init', asyncId, type, trigger, resource);
}

function emitBefore(asyncId, trigger, resource) {
  pushContext(asyncId, trigger, resource);
  if (counts.before > 0) emit('before', asyncId);
}

function emitAfter(asyncId) {
  if (counts.after > 0) emit('after', asyncId);
  popContext();
}

// Destroy hooks run soon after, not inside the code that ended the resource (as Node's).
let destroyQueue = [];
function flushDestroyQueue() {
  const ids = destroyQueue;
  destroyQueue = [];
  for (let i = 0; i < ids.length; i++) emit('destroy', ids[i]);
}

function emitDestroy(asyncId) {
  if (counts.destroy === 0) return;
  if (destroyQueue.length === 0) enqueueMicrotask(flushDestroyQueue);
  destroyQueue.push(asyncId);
}

// Promises are reported only while a hook is enabled: V8's promise hooks cost on every
// promise, so they are installed then and removed with the last hook.
const promiseRegistry = new FinalizationRegistry(emitDestroy);

function promiseAsyncId(promise) {
  let id = promise[kAsyncId];
  if (id === undefined) {
    id = newAsyncId();
    promise[kAsyncId] = id;
    promise[kTriggerAsyncId] = getDefaultTriggerAsyncId();
  }
  return id;
}

function promiseInit(promise, parent) {
  const asyncId = newAsyncId();
  const trigger = parent !== undefined ? promiseAsyncId(parent) : getDefaultTriggerAsyncId();
  promise[kAsyncId] = asyncId;
  promise[kTriggerAsyncId] = trigger;
  emitInit(asyncId, 'PROMISE', trigger, promise);
  if (counts.destroy > 0) promiseRegistry.register(promise, asyncId);
}

function promiseBefore(promise) {
  emitBefore(promiseAsyncId(promise), promise[kTriggerAsyncId], promise);
}

function promiseAfter(promise) {
  emitAfter(promiseAsyncId(promise));
}

function promiseResolve(promise) {
  if (counts.promiseResolve > 0) emit('promiseResolve', promiseAsyncId(promise));
}

// V8's promise hooks are shared with v8.promiseHooks (internal/promise_hooks).
let stopPromiseHooks = null;
function updatePromiseHooks() {
  const on = hooks.length > 0;
  if (on === (stopPromiseHooks !== null)) return;
  if (on) {
    const { addHook: addPromiseHook } = require('internal/promise_hooks');
    const stops = [addPromiseHook('init', promiseInit), addPromiseHook('before', promiseBefore),
      addPromiseHook('after', promiseAfter), addPromiseHook('settled', promiseResolve)];
    stopPromiseHooks = () => { for (const stop of stops) stop(); };
  } else {
    stopPromiseHooks();
    stopPromiseHooks = null;
  }
}

function addHook(entry) {
  if (hooks.includes(entry)) return;
  hooks = [...hooks, entry];
  for (const name of Object.keys(counts)) if (entry[name] !== undefined) counts[name]++;
  updatePromiseHooks();
  updateNativeHooks();
}

function removeHook(entry) {
  if (!hooks.includes(entry)) return;
  hooks = hooks.filter((h) => h !== entry);
  for (const name of Object.keys(counts)) if (entry[name] !== undefined) counts[name]--;
  updatePromiseHooks();
  updateNativeHooks();
}

// ---- Native resources -----------------------------------------------------------------
// Resources that C++ creates (libuv handles and requests) are reported through the realm
// only while a hook is enabled (Realm::SetAsyncHooks); otherwise C++ checks one flag.

// Node's provider type of each native class (by its constructor's name).
const nativeProviders = {
  __proto__: null,
  FSReqCallback: 'FSREQCALLBACK',
  FileHandle: 'FILEHANDLE',
  FSEvent: 'FSEVENTWRAP',
  StatWatcher: 'STATWATCHER',
  TCP: 'TCPWRAP',
  TCPConnectWrap: 'TCPCONNECTWRAP',
  Pipe: 'PIPEWRAP',
  PipeConnectWrap: 'PIPECONNECTWRAP',
  TTY: 'TTYWRAP',
  UDP: 'UDPWRAP',
  SendWrap: 'UDPSENDWRAP',
  Process: 'PROCESSWRAP',
  Signal: 'SIGNALWRAP',
  WriteWrap: 'WRITEWRAP',
  ShutdownWrap: 'SHUTDOWNWRAP',
  GetAddrInfoReqWrap: 'GETADDRINFOREQWRAP',
  GetNameInfoReqWrap: 'GETNAMEINFOREQWRAP',
  QueryReqWrap: 'QUERYWRAP',
  ChannelWrap: 'DNSCHANNEL',
  Zlib: 'ZLIB',
  BrotliEncoder: 'ZLIB',
  BrotliDecoder: 'ZLIB',
  JSStream: 'JSSTREAM',
  TLSWrap: 'TLSWRAP',
};

// init(resource, type): type is null for a class looked up by its constructor. Returns
// the async id, or 0 for an object that is not a reported resource.
function nativeInit(resource, type) {
  if (type === null) {
    type = nativeProviders[resource.constructor?.name];
    if (type === undefined) return 0;
  }
  initResource(resource, type);
  return resource[kAsyncId];
}

// before(resource): true when the callback entered the resource's context.
function nativeBefore(resource) {
  const asyncId = resource[kAsyncId];
  if (asyncId === undefined) return false;
  emitBefore(asyncId, resource[kTriggerAsyncId], resource);
  return true;
}

function nativeAfter(resource) {
  emitAfter(resource[kAsyncId]);
}

function nativeDestroy(ids) {
  if (counts.destroy === 0) return;
  for (let i = 0; i < ids.length; i++) emit('destroy', ids[i]);
}

let nativeHooksOn = false;
function updateNativeHooks() {
  const on = hooks.length > 0;
  if (on === nativeHooksOn) return;
  nativeHooksOn = on;
  setNativeHooks(on, nativeInit, nativeBefore, nativeAfter, nativeDestroy);
}

// ---- Resources ------------------------------------------------------------------------

// Gives `resource` an async id, a trigger id and the current frame, and reports it to
// init hooks.
function initResource(resource, type, trigger = getDefaultTriggerAsyncId()) {
  const asyncId = ++asyncIdCounter;
  resource[kAsyncId] = asyncId;
  resource[kTriggerAsyncId] = trigger;
  resource[kFrame] = state.framesEnabled ? getFrame() : undefined;
  if (counts.init > 0) emit('init', asyncId, type, trigger, resource);
}

// Makes `resource`'s context current for its callback; returns what exitResource()
// needs to put the outer context back.
function enterResource(resource) {
  emitBefore(resource[kAsyncId], resource[kTriggerAsyncId], resource);
  return state.framesEnabled ? swapFrame(resource[kFrame]) : undefined;
}

function exitResource(resource, outerFrame) {
  emitAfter(resource[kAsyncId]);
  if (state.framesEnabled) setFrame(outerFrame);
}

function destroyResource(resource) {
  if (counts.destroy > 0) emitDestroy(resource[kAsyncId]);
}

// Calls fn.apply(thisArg, args) as `resource`'s callback.
function runInResource(resource, fn, thisArg, args) {
  const outer = enterResource(resource);
  try {
    return fn.apply(thisArg, args);
  } finally {
    exitResource(resource, outer);
  }
}

// ---- Ticks and microtasks -------------------------------------------------------------

class TickObject {
  constructor(callback, args) {
    this.callback = callback;
    this.args = args;
    initResource(this, 'TickObject');
  }
}

function runTickObject(tick) {
  try {
    runInResource(tick, tick.callback, undefined, tick.args);
  } finally {
    destroyResource(tick);
  }
}

// What queueMicrotask enqueues for `callback` while tracking is on.
function microtaskRunner(callback) {
  const resource = { callback };
  initResource(resource, 'Microtask');
  return function runMicrotask() {
    try {
      runInResource(resource, callback, undefined, []);
    } finally {
      destroyResource(resource);
    }
  };
}

module.exports = {
  state,
  kAsyncId,
  kTriggerAsyncId,
  kFrame,
  enableFrames,
  currentFrame,
  enterFrame,
  exitFrame,
  getFrame,
  setFrame,
  newAsyncId,
  getDefaultTriggerAsyncId,
  defaultTriggerAsyncIdScope,
  executionAsyncId: () => executionAsyncId,
  triggerAsyncId: () => triggerAsyncId,
  executionAsyncResource: () => executionAsyncResource,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  addHook,
  removeHook,
  initResource,
  enterResource,
  exitResource,
  destroyResource,
  runInResource,
  TickObject,
  runTickObject,
  microtaskRunner,
};
