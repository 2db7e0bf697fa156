'use strict';
// performance.timerify(fn[, { histogram }]): a wrapper that times each call of fn, hands
// observers a 'function' entry (its arguments as entry[0], entry[1], ...) and records
// the duration in nanoseconds into the histogram. A call that throws is not reported;
// a returned promise is timed until it settles.

const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const { validateFunction, validateObject } = require('internal/validators');
const { now } = require('internal/perf/utils');
const { createEntry } = require('internal/perf/performance');
const { hasObserver, enqueueEntry } = require('internal/perf/observe_hook');
const { isRecordableHistogram } = require('internal/perf/histogram');

function finish(fn, start, args, histogram) {
  const duration = now() - start;
  if (histogram !== undefined) histogram.record(Math.max(1, Math.ceil(duration * 1e6)));
  if (!hasObserver('function')) return;
  const entry = createEntry(fn.name, 'function', start, duration);
  for (let i = 0; i < args.length; i++) entry[i] = args[i];
  enqueueEntry(entry);
}

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined && !isRecordableHistogram(histogram)) {
    throw new ERR_INVALID_ARG_TYPE('options.histogram', 'RecordableHistogram', histogram);
  }
  function timerified(...args) {
    const start = now();
    const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
    if (!new.target && typeof result?.finally === 'function') {
      return result.finally(() => finish(fn, start, args, histogram));
    }
    finish(fn, start, args, histogram);
    return result;
  }
  Object.defineProperties(timerified, {
    length: { value: fn.length, configurable: true },
    name: { value: `timerified ${fn.name}`, configurable: true },
  });
  return timerified;
}

module.exports = { timerify };
