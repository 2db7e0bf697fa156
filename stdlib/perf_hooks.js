'use strict';
// node:perf_hooks: the `performance` clock and user timing. Observers see marks, measures,
// timerify's 'function' entries and 'http2' entries (internal/perf/observe_hook.js);
// histograms and the event-loop delay monitor are in internal/perf/histogram.js.

const {
  Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure,
  PerformanceResourceTiming, performance,
} = require('internal/perf/performance');
const { validateFunction, validateObject } = require('internal/validators');

const observers = new Set();

class PerformanceObserverEntryList {
  #list;
  constructor(list) { this.#list = list; }
  getEntries() { return this.#list.slice(); }
  getEntriesByType(type) { return this.#list.filter((e) => e.entryType === `${type}`); }
  getEntriesByName(name, type = undefined) {
    return this.#list.filter((e) => e.name === `${name}` &&
      (type === undefined || e.entryType === `${type}`));
  }
}

// Differs from Node 20: observers are told about marks, measures and node:http2's
// 'http2' entries only.
class PerformanceObserver {
  #callback;
  #types = new Set();
  #buffer = [];
  #scheduled = false;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() {
    return ['function', 'http2', 'mark', 'measure', 'resource'];
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const types = options.entryTypes ?? [options.type];
    for (const type of types) if (type !== undefined) this.#types.add(`${type}`);
    observers.add(this);
  }

  disconnect() {
    observers.delete(this);
    this.#types.clear();
    this.#buffer = [];
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  static observes(observer, type) { return observer.#types.has(type); }

  static enqueue(observer, entry) {
    if (!observer.#types.has(entry.entryType)) return;
    observer.#buffer.push(entry);
    if (observer.#scheduled) return;
    observer.#scheduled = true;
    setImmediate(() => {
      observer.#scheduled = false;
      const list = observer.takeRecords();
      if (list.length > 0) observer.#callback(new PerformanceObserverEntryList(list), observer);
    });
  }
}

const enqueue = PerformanceObserver.enqueue;
const observes = PerformanceObserver.observes;
delete PerformanceObserver.enqueue;
delete PerformanceObserver.observes;
require('internal/perf/observe_hook').setObserverHooks({
  has(type) {
    for (const observer of observers) if (observes(observer, type)) return true;
    return false;
  },
  enqueue(entry) {
    for (const observer of observers) enqueue(observer, entry);
  },
});
for (const name of ['mark', 'measure']) {
  const original = Performance.prototype[name];
  Object.defineProperty(Performance.prototype, name, {
    value: { [name](...args) {
      const entry = Reflect.apply(original, this, args);
      for (const observer of observers) enqueue(observer, entry);
      return entry;
    } }[name],
    writable: true, enumerable: true, configurable: true,
  });
}

const { createHistogram, monitorEventLoopDelay } = require('internal/perf/histogram');

module.exports = {
  createHistogram,
  monitorEventLoopDelay,
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
