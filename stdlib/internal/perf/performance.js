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
  clearResourceTimings() {}

  getEntries() { return sortedEntries(entries); }
  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    return sortedEntries(entries.filter((e) =>
      e.name === name && (type === undefined || e.entryType === `${type}`)));
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    type = `${type}`;
    return sortedEntries(entries.filter((e) => e.entryType === type));
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

for (const Class of [Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure]) {
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

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  performance,
};
