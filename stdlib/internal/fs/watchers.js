'use strict';
// fs.watch (FSWatcher over fs_event_wrap's FSEvent), fs.watchFile/unwatchFile
// (StatWatcher over the fs binding's uv_fs_poll handle) and fs.promises.watch.

const EventEmitter = require('events');
const pathModule = require('path');
const { FSEvent } = internalBinding('fs_event_wrap');
const { StatWatcher: StatWatcherHandle } = internalBinding('fs');
const { errname, strerror } = internalBinding('uv');
const { uvException, AbortError } = require('internal/errors');
const {
  validateAbortSignal, validateBoolean, validateFunction, validateObject, validateUint32,
} = require('internal/validators');
const { getValidatedPath, getOptions, assertEncoding } = require('internal/fs/utils');
const { getStatsFromBinding } = require('internal/fs/stats');

const kOwner = Symbol('owner');
const kStart = Symbol('kFSWatchStart');
const kStartHandle = Symbol('kStartHandle');
const kReleaseHandle = Symbol('kReleaseHandle');

function pathString(path) {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

// The Node-shaped error for a failed watch: "ENOENT: no such file ..., watch 'x'".
function watchError(errno, filename) {
  const error = uvException({
    errno, code: errname(errno), message: strerror(errno), syscall: 'watch', path: filename,
  });
  error.filename = filename;
  return error;
}

// A file name as the caller's encoding wants it ('buffer' gives a Buffer).
function encodeFilename(name, encoding) {
  if (name === null || encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') {
    return name;
  }
  const bytes = Buffer.from(name);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

// What both watchers share: one native handle, released once, with ref/unref.
class HandleWatcher extends EventEmitter {
  // Starts the handle with `start()`; on failure releases it and throws Node's error.
  [kStartHandle](start, filename) {
    const err = start();
    if (err) {
      this._handle.close();
      this._handle = null;
      throw watchError(err, filename);
    }
  }

  // Closes the handle (once) and emits `event` on the next tick.
  [kReleaseHandle](event) {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit(event));
  }

  ref() {
    this._handle?.ref();
    return this;
  }

  unref() {
    this._handle?.unref();
    return this;
  }
}

class FSWatcher extends HandleWatcher {
  #encoding;

  constructor(encoding) {
    super();
    this.#encoding = encoding;
    this._handle = new FSEvent();
    this._handle[kOwner] = this;
    this._handle.onchange = (status, eventType, filename) => {
      if (status < 0) {
        if (this._handle !== null) {
          this._handle.close();
          this._handle = null;
        }
        this.emit('error', watchError(status, filename));
        return;
      }
      this.emit('change', eventType, encodeFilename(filename, this.#encoding));
    };
  }

  [kStart](filename, persistent) {
    if (this._handle === null) return;
    this[kStartHandle](() => this._handle.start(pathString(filename), persistent, false),
      filename);
  }

  close() {
    this[kReleaseHandle]('close');
  }
}

// Validated fs.watch options: { persistent, recursive, encoding, signal }.
function watchOptions(options) {
  options = getOptions(options, { persistent: true, recursive: false, encoding: 'utf8' });
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  // As Node 20: persistent is only tested for truth; recursive must be a boolean.
  options.persistent = Boolean(options.persistent);
  validateBoolean(options.recursive, 'options.recursive');
  return options;
}

function createWatcher(filename, options) {
  filename = getValidatedPath(filename, 'filename');
  if (options.recursive) {
    // Linux's libuv cannot watch a tree; the JS watcher watches each directory.
    const { RecursiveWatcher } = require('internal/fs/recursive_watch');
    const watcher = new RecursiveWatcher(options, (encoding) => new FSWatcher(encoding),
                                         kStart);
    watcher[kStart](filename);
    return watcher;
  }
  const watcher = new FSWatcher(options.encoding);
  watcher[kStart](filename, options.persistent);
  return watcher;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = watchOptions(options);
  const watcher = createWatcher(filename, options);
  if (listener) watcher.addListener('change', listener);
  const { signal } = options;
  if (signal) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

// fs.promises.watch: yields { eventType, filename } until `signal` aborts.
// Differs from Node 20: events that arrive between two next() calls are queued; Node keeps
// only the first. Recursive mode uses the same per-directory watcher as fs.watch.
async function* watchPromise(filename, options = {}) {
  validateObject(options, 'options');
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateAbortSignal(signal, 'options.signal');
  if (encoding !== 'buffer') assertEncoding(encoding);
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const watcher = createWatcher(filename, { persistent, recursive, encoding });
  const queue = [];
  let failure;
  let wake;
  const notify = () => {
    if (wake) wake();
    wake = undefined;
  };
  const onAbort = () => {
    failure = new AbortError(undefined, { cause: signal.reason });
    notify();
  };
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    notify();
  });
  watcher.on('error', (err) => {
    failure = err;
    notify();
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift();
      } else if (failure) {
        throw failure;
      } else {
        await new Promise((resolve) => { wake = resolve; });
      }
    }
  } finally {
    watcher.close();
    signal?.removeEventListener('abort', onAbort);
  }
}

const kOldStatus = Symbol('kOldStatus');

// The emitter fs.watchFile returns: one per resolved path, shared by its listeners.
class StatWatcher extends HandleWatcher {
  constructor(bigint) {
    super();
    this._handle = null;
    this[kOldStatus] = -1;
    this.bigint = Boolean(bigint);
  }

  start(filename, persistent, interval) {
    if (this._handle !== null) return;
    validateUint32(interval, 'interval');
    this._handle = new StatWatcherHandle(this.bigint);
    this._handle[kOwner] = this;
    this._handle.onchange = (status, current, previous) => {
      // As Node: a repeated failure with an unchanged link count is not news.
      if (this[kOldStatus] === -1 && status === -1 && current[2] === previous[2]) return;
      this[kOldStatus] = status;
      this.emit('change', getStatsFromBinding(current), getStatsFromBinding(previous));
    };
    if (!persistent) this._handle.unref();
    this[kStartHandle](() => this._handle.start(pathString(filename), interval), filename);
  }

  stop() {
    this[kReleaseHandle]('stop');
  }
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = pathModule.resolve(pathString(getValidatedPath(filename)));
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcher(options.bigint);
    stat.start(filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = pathModule.resolve(pathString(getValidatedPath(filename)));
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    stat.removeListener('change', listener);
  } else {
    stat.removeAllListeners('change');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchFile, unwatchFile, watchPromise };
