'use strict';
// The `performance` object of perf_hooks (nodejs.org/api/perf_hooks.html): a clock
// relative to timeOrigin plus the user-timing buffer of marks and measures.

const {
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_ARG_TYPE,
  ERR_MISSING_ARGS,
} = require('internal/errors').codes;
const { validateObject } = require('internal/validators');
const { EventTarget } = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const { now, timeOrigin } = require('internal/perf/utils');

const kCreate = Symbol('kCreate');
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;

  constructor(key = undefined, name, type, start, duration) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
  }

  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }

  toJSON() {
    return {
      name: this.name, entryType: this.entryType, startTime: this.startTime,
      duration: this.duration, detail: this.detail,
    };
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `${this.constructor.name} ${inspect(this.toJSON(), {
      ...options, depth: options.depth == null ? null : options.depth - 1,
    })}`;
  }
}

function cloneDetail(detail) {
  if (detail == null) return null;
  return globalThis.structuredClone(detail);
}

class PerformanceMark extends PerformanceEntry {
  #detail;

  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options != null) validateObject(options, 'options');
    let startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', startTime);
    }
    if (startTime < 0) {
      throw new DOMException(`${name} cannot have a negative start time.`, 'SyntaxError');
    }
    super(kCreate, name, 'mark', startTime, 0);
    this.#detail = cloneDetail(options?.detail);
  }

  get detail() { return this.#detail; }
}

class PerformanceMeasure extends PerformanceEntry {
  #detail;

  constructor(key, name, start, duration, detail) {
    super(key, name, 'measure', start, duration);
    this.#detail = detail;
  }

  get detail() { return this.#detail; }
}

let entries = []; // marks and measures, in creation order

// A 'resource' entry from markResourceTiming(): the fetch timing of one URL. Differs
// from Node 20: only the main fields of the timing info are exposed.
class PerformanceResourceTiming extends PerformanceEntry {
  #info;
  #initiatorType;
  #cacheMode;

  constructor(key, name, info, initiatorType, cacheMode) {
    super(key, name, 'resource', info.startTime, info.endTime - info.startTime);
    this.#info = info;
    this.#initiatorType = initiatorType;
    this.#cacheMode = cacheMode;
  }

  get initiatorType() { return this.#initiatorType; }
  get deliveryType() { return this.#cacheMode; }
  get nextHopProtocol() { return this.#info.finalConnectionTimingInfo?.ALPNNegotiatedProtocol; }
  get workerStart() { return this.#info.finalServiceWorkerStartTime; }
  get redirectStart() { return this.#info.redirectStartTime; }
  get redirectEnd() { return this.#info.redirectEndTime; }
  get fetchStart() { return this.#info.postRedirectStartTime; }
  get domainLookupStart() { return this.#info.finalConnectionTimingInfo?.domainLookupStartTime; }
  get domainLookupEnd() { return this.#info.finalConnectionTimingInfo?.domainLookupEndTime; }
  get connectStart() { return this.#info.finalConnectionTimingInfo?.connectionStartTime; }
  get connectEnd() { return this.#info.finalConnectionTimingInfo?.connectionEndTime; }
  get secureConnectionStart() {
    return this.#info.finalConnectionTimingInfo?.secureConnectionStartTime;
  }
  get requestStart() { return this.#info.finalNetworkRequestStartTime; }
  get responseStart() { return this.#info.finalNetworkResponseStartTime; }
  get responseEnd() { return this.#info.endTime; }
  get encodedBodySize() { return this.#info.encodedBodySize; }
  get decodedBodySize() { return this.#info.decodedBodySize; }
  get transferSize() { return this.#info.encodedBodySize + 300; }

  toJSON() {
    const json = super.toJSON();
    delete json.detail;
    for (const key of ['initiatorType', 'nextHopProtocol', 'workerStart', 'redirectStart',
      'redirectEnd', 'fetchStart', 'domainLookupStart', 'domainLookupEnd', 'connectStart',
      'connectEnd', 'secureConnectionStart', 'requestStart', 'responseStart', 'responseEnd',
      'transferSize', 'encodedBodySize', 'decodedBodySize', 'deliveryType']) {
      json[key] = this[key];
    }
    return json;
  }
}

// performance.nodeTiming. Differs from Node 20: the startup milestones are not taken,
// so they read as 0, and the loop milestones as -1.
class PerformanceNodeTiming {
  get name() { return 'node'; }
  get entryType() { return 'node'; }
  get startTime() { return 0; }
  get duration() { return now(); }
  get nodeStart() { return 0; }
  get v8Start() { return 0; }
  get environment() { return 0; }
  get bootstrapComplete() { return 0; }
  get loopStart() { return -1; }
  get loopExit() { return -1; }
  get idleTime() { return 0; }

  toJSON() {
    const json = {};
    for (const key of ['name', 'entryType', 'startTime', 'duration', 'nodeStart', 'v8Start',
      'environment', 'loopStart', 'loopExit', 'bootstrapComplete', 'idleTime']) {
      json[key] = this[key];
    }
    return json;
  }
}
const nodeTiming = new PerformanceNodeTiming();

function markTime(name) {
  if (typeof name === 'number') return name;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (entries[i].entryType === 'mark' && entries[i].name === name) return entries[i].startTime;
  }
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function measure(name, startOrOptions, endMark) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
  name = `${name}`;
  let start;
  let end;
  let detail = null;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    const { start: s, end: e, duration } = startOrOptions;
    if (s !== undefined) start = markTime(s);
    if (e !== undefined) end = markTime(e);
    if (duration !== undefined) {
      if (start !== undefined && end === undefined) end = start + duration;
      else if (end !== undefined && start === undefined) start = end - duration;
    }
    detail = cloneDetail(startOrOptions.detail);
  } else if (startOrOptions !== undefined) {
    start = markTime(startOrOptions);
  }
  if (endMark !== undefined) end = markTime(endMark);
  if (end === undefined) end = now();
  if (start === undefined) start = 0;
  const entry = new PerformanceMeasure(kCreate, name, start, end - start, detail);
  entries.push(entry);
  return entry;
}

function resourceTiming() { return require('internal/perf/resource_timing'); }

function allEntries() { return [...entries, ...resourceTiming().resourceEntries()]; }

function sortedEntries(list) {
  return list.slice().sort((a, b) => a.startTime - b.startTime);
}

class Performance extends EventTarget {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  now() { return now(); }
  get timeOrigin() { return timeOrigin; }

  mark(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    const entry = new PerformanceMark(name, options);
    entries.push(entry);
    return entry;
  }

  measure(...args) { return measure(...args); }

  clearMarks(name = undefined) { clearEntries('mark', name); }
  clearMeasures(name = undefined) { clearEntries('measure', name); }
  clearResourceTimings(name = undefined) { resourceTiming().clearResourceTimings(name); }

  setResourceTimingBufferSize(maxSize) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('maxSize');
    resourceTiming().setBufferSize(maxSize);
  }

  markResourceTiming(timingInfo, requestedUrl, initiatorType, global, cacheMode) {
    validateObject(timingInfo, 'timingInfo');
    const entry = new PerformanceResourceTiming(kCreate, `${requestedUrl}`, timingInfo,
                                                `${initiatorType}`, `${cacheMode}`);
    return resourceTiming().markResourceTiming(this, entry);
  }

  timerify(fn, options = undefined) {
    return require('internal/perf/timerify').timerify(fn, options);
  }

  get nodeTiming() { return nodeTiming; }

  getEntries() { return sortedEntries(allEntries()); }
  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    return sortedEntries(allEntries().filter((e) =>
      e.name === name && (type === undefined || e.entryType === `${type}`)));
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return sortedEntries(allEntries().filter((e) => e.entryType === type));
  }

  // Differs from Node 20: idle time is not measured (the loop reports no idle metrics),
  // so utilization is 1 once time has passed.
  eventLoopUtilization(util1 = undefined, util2 = undefined) {
    const active = now();
    const current = { idle: 0, active, utilization: active > 0 ? 1 : 0 };
    if (util1 === undefined) return current;
    const base = util2 === undefined ? current : util2;
    const delta = base.active - util1.active;
    return { idle: 0, active: delta, utilization: delta > 0 ? 1 : 0 };
  }

  toJSON() {
    return {
      nodeTiming: { name: 'node', entryType: 'node', startTime: 0, duration: now() },
      timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `Performance ${inspect({ timeOrigin }, options)}`;
  }
}

function clearEntries(type, name) {
  entries = entries.filter((e) => e.entryType !== type ||
    (name !== undefined && e.name !== `${name}`));
}

for (const Class of [Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure,
  PerformanceResourceTiming]) {
  for (const key of Object.getOwnPropertyNames(Class.prototype)) {
    if (key === 'constructor') continue;
    const desc = Object.getOwnPropertyDescriptor(Class.prototype, key);
    desc.enumerable = true;
    Object.defineProperty(Class.prototype, key, desc);
  }
  Object.defineProperty(Class.prototype, Symbol.toStringTag, {
    value: Class.name, writable: false, enumerable: false, configurable: true,
  });
}

const performance = new Performance(kCreate);

// A PerformanceEntry of a type the user cannot construct ('function' from timerify).
function createEntry(name, type, start, duration) {
  return new PerformanceEntry(kCreate, name, type, start, duration);
}

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceResourceTiming,
  createEntry,
  performance,
};
