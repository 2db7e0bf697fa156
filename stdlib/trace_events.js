'use strict';
// node:trace_events — Tracing objects and the set of enabled categories.
// Differs from Node 20: skua has no trace-event writer, so enabling a Tracing changes only
// the state this API reports (enabled, getEnabledCategories()); no node_trace.*.log file is
// written and no trace events are recorded.

const { codes, E } = require('internal/errors');
const { validateObject, validateStringArray } = require('internal/validators');
const { customInspectSymbol } = require('internal/util/inspect');

if (codes.ERR_TRACE_EVENTS_CATEGORY_REQUIRED === undefined) {
  E('ERR_TRACE_EVENTS_CATEGORY_REQUIRED', 'At least one category is required', TypeError);
}
if (codes.ERR_TRACE_EVENTS_UNAVAILABLE === undefined) {
  E('ERR_TRACE_EVENTS_UNAVAILABLE', 'Trace events are unavailable', Error);
}

// How many enabled Tracing objects hold each category.
const enabledCounts = new Map();
const kMaxTracingCount = 10;
let enabledTracings = 0;
let warned = false;

const kCategories = Symbol('kCategories');
const kEnabled = Symbol('kEnabled');

class Tracing {
  constructor(categories) {
    this[kCategories] = categories;
    this[kEnabled] = false;
  }

  enable() {
    if (this[kEnabled]) return;
    this[kEnabled] = true;
    for (const category of this[kCategories]) {
      enabledCounts.set(category, (enabledCounts.get(category) || 0) + 1);
    }
    if (++enabledTracings > kMaxTracingCount && !warned) {
      warned = true;
      process.emitWarning('Possible trace_events memory leak. There are more than ' +
        `${kMaxTracingCount} enabled Tracing objects.`);
    }
  }

  disable() {
    if (!this[kEnabled]) return;
    this[kEnabled] = false;
    enabledTracings--;
    for (const category of this[kCategories]) {
      const count = enabledCounts.get(category) - 1;
      if (count === 0) enabledCounts.delete(category);
      else enabledCounts.set(category, count);
    }
  }

  get enabled() {
    return this[kEnabled];
  }

  get categories() {
    return this[kCategories].join(',');
  }

  [customInspectSymbol](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = { enabled: this.enabled, categories: this.categories };
    return `Tracing ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

/**
 * Creates a Tracing object for the given categories, disabled.
 * @param {{ categories: string[] }} options
 * @returns {Tracing}
 */
function createTracing(options) {
  validateObject(options, 'options');
  validateStringArray(options.categories, 'options.categories');
  if (options.categories.length <= 0) throw new codes.ERR_TRACE_EVENTS_CATEGORY_REQUIRED();
  return new Tracing([...options.categories]);
}

/**
 * The categories enabled by all enabled Tracing objects, sorted and comma-separated, or
 * undefined when there are none.
 * @returns {string|undefined}
 */
function getEnabledCategories() {
  if (enabledCounts.size === 0) return undefined;
  return [...enabledCounts.keys()].sort().join(',');
}

module.exports = { createTracing, getEnabledCategories };
