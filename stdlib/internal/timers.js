'use strict';
// Timers, as Node designs them: one native uv_timer_t for every JS timer. Timers of
// the same duration share a list (ordered by start time, so by expiry); the lists sit
// in a priority queue by expiry, and the native timer is armed for the earliest one.
// Immediates are a FIFO run in the loop's check phase.

const {
  scheduleTimer,
  toggleTimerRef,
  getLibuvNow,
  immediateInfo,
  toggleImmediateRef,
  setupTimers,
} = internalBinding('timers');
const { runNextTicks } = require('internal/process/task_queues');
const PriorityQueue = require('internal/priority_queue');
const { initResource, enterResource, exitResource, destroyResource } =
  require('internal/async_hooks');

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
// Fields of immediateInfo, shared with runtime/bindings/timers.cc.
const kCount = 0;
const kRefCount = 1;
const kHasOutstanding = 2;

// ---- Timeout lists --------------------------------------------------------------------

// A circular doubly-linked list of timers with one duration; `_idleNext`/`_idlePrev` are
// the links (Node's field names, which some packages read).
class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.msecs = msecs;
    this.id = nextListId++;
    this.priorityQueuePosition = null;
  }
}

let nextListId = 1;
const listsByDuration = { __proto__: null };
const listQueue = new PriorityQueue(
  (a, b) => a.expiry - b.expiry || a.id - b.id,
  (list, position) => { list.priorityQueuePosition = position; });
let nextExpiry = Infinity;
let refCount = 0;

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

function listAppend(list, item) {
  item._idlePrev = list._idlePrev;
  item._idleNext = list;
  list._idlePrev._idleNext = item;
  list._idlePrev = item;
}

function listRemove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

function listPeek(list) {
  return list._idleNext === list ? null : list._idleNext;
}

function insert(item, msecs, start = getLibuvNow()) {
  item._idleStart = start;
  let list = listsByDuration[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    list = listsByDuration[msecs] = new TimersList(expiry, msecs);
    listQueue.insert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  listAppend(list, item);
}

// (Re)starts a timer: used by setTimeout/setInterval and refresh().
function activate(item) {
  const msecs = item._idleTimeout;
  if (msecs === undefined || msecs < 0) return;
  if (item._idleNext) listRemove(item);
  insert(item, msecs);
  if (item._destroyed) {
    item._destroyed = false;
    if (item[kRefed]) incRefCount();
  }
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kRefed]) decRefCount();
  if (item._idleNext) listRemove(item);
  item._idleTimeout = -1;
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = null;
    this._idleNext = null;
    this._idleStart = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = true;  // Until activate() inserts it.
    this[kRefed] = isRefed;
    initResource(this, 'Timeout');
  }

  refresh() {
    if (this._onTimeout !== null) activate(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeoutImpl(this);
    return this;
  }

  // A timer converts to a number id that clearTimeout() accepts, as in Node.
  [Symbol.toPrimitive]() {
    if (this.id === undefined) {
      this.id = nextTimerId++;
      timersById.set(this.id, this);
    }
    return this.id;
  }
}

let nextTimerId = 1;
const timersById = new Map();

function clearTimeoutImpl(timer) {
  if (typeof timer === 'number' || typeof timer === 'string') {
    timer = timersById.get(Number(timer));
  }
  if (timer && timer._onTimeout) {
    destroyResource(timer);
    timer._onTimeout = null;
    unenroll(timer);
    if (timer.id !== undefined) timersById.delete(timer.id);
  }
}

// Runs every timer due at `now`; returns the next expiry (negative when no remaining
// timer is referenced, 0 when none is left) for runtime/bindings/timers.cc.
function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  let ranAtLeastOneList = false;
  while ((list = listQueue.peek()) !== undefined) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOneList) runNextTicks();
    else ranAtLeastOneList = true;
    runList(list, now);
  }
  return 0;
}

function runList(list, now) {
  const msecs = list.msecs;
  let ranAtLeastOneTimer = false;
  let timer;
  while ((timer = listPeek(list)) !== null) {
    if (now - timer._idleStart < msecs) {
      // The rest of this list is not due yet: requeue it by its first timer.
      list.expiry = Math.max(timer._idleStart + msecs, now + 1);
      list.id = nextListId++;
      listQueue.percolateDown(0);
      return;
    }
    if (ranAtLeastOneTimer) runNextTicks();
    else ranAtLeastOneTimer = true;
    listRemove(timer);
    if (typeof timer._onTimeout !== 'function') {
      // A cleared timer, or an enrolled object without a callback: just retire it.
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) decRefCount();
      }
      continue;
    }
    const start = timer._repeat ? getLibuvNow() : 0;
    const outerFrame = enterResource(timer);
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else timer._onTimeout(...args);
    } finally {
      exitResource(timer, outerFrame);
      // An interval whose callback unenrolled it (or set _idleTimeout to -1) stops.
      if (timer._repeat && timer._idleTimeout !== -1 && timer._onTimeout !== null &&
          !timer._idleNext) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._destroyed) {
        if (timer._onTimeout !== null) destroyResource(timer);
        timer._destroyed = true;
        if (timer[kRefed]) decRefCount();
        if (timer.id !== undefined) timersById.delete(timer.id);
      }
    }
  }
  // The list is empty: drop it, unless a callback already replaced it.
  if (listsByDuration[msecs] === list) {
    delete listsByDuration[msecs];
    listQueue.removeAt(list.priorityQueuePosition);
  }
}

// ---- Immediates -----------------------------------------------------------------------

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    this.ref();
    initResource(this, 'Immediate');
    immediateInfo[kCount]++;
    queuedImmediates.push(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

// Immediates queued since the last check phase; the pass in progress works on its own
// batch, so immediates queued during a pass run in the next one.
let queuedImmediates = [];
let runningBatch = null;
let runningIndex = 0;

function retireImmediate(immediate) {
  immediate._destroyed = true;
  immediateInfo[kCount]--;
  if (immediate[kRefed] && --immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
}

function processImmediate() {
  // After an exception the rest of the interrupted batch runs first.
  if (runningBatch === null) {
    runningBatch = queuedImmediates;
    queuedImmediates = [];
    runningIndex = 0;
    immediateInfo[kHasOutstanding] = 1;
  }
  const batch = runningBatch;
  let ranAtLeastOne = false;
  while (runningIndex < batch.length) {
    const immediate = batch[runningIndex++];
    if (immediate._destroyed) continue;
    if (ranAtLeastOne) runNextTicks();
    else ranAtLeastOne = true;
    retireImmediate(immediate);
    const callback = immediate._onImmediate;
    immediate._onImmediate = null;
    const argv = immediate._argv;
    const outerFrame = enterResource(immediate);
    try {
      if (argv === undefined) callback.call(immediate);
      else callback.apply(immediate, argv);
    } finally {
      exitResource(immediate, outerFrame);
      destroyResource(immediate);
    }
  }
  runningBatch = null;
  immediateInfo[kHasOutstanding] = 0;
}

function clearImmediateImpl(immediate) {
  if (!immediate || immediate._destroyed) return;
  destroyResource(immediate);
  retireImmediate(immediate);
  immediate._onImmediate = null;
}

setupTimers(processImmediate, processTimers);

for (const [Cls, clear] of [[Timeout, clearTimeoutImpl], [Immediate, clearImmediateImpl]]) {
  Object.defineProperty(Cls.prototype, Symbol.dispose, {
    value: function dispose() { clear(this); }, writable: true, configurable: true,
  });
}

// The ref'd timeouts and immediates, for process.getActiveResourcesInfo().
function activeTimerCounts() {
  return { timeouts: refCount, immediates: immediateInfo[kRefCount] };
}

module.exports = {
  activeTimerCounts,
  Timeout,
  Immediate,
  activate,
  insert,
  unlink: (item) => { if (item._idleNext) listRemove(item); },
  incRefCount,
  decRefCount,
  TIMEOUT_MAX,
  clearTimeoutImpl,
  clearImmediateImpl,
  kRefed,
};
