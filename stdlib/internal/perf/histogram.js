'use strict';
// Histograms of perf_hooks (createHistogram, monitorEventLoopDelay, timerify's
// `histogram` option). Values are integers >= 1 (nanoseconds for the built-in
// recorders), kept exactly: a count per distinct value.
// Differs from Node 20: no HdrHistogram bucketing (lowest/highest/figures are checked
// but percentiles are exact), and histograms cannot be posted through a MessagePort.

const {
  ERR_ILLEGAL_CONSTRUCTOR,
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
} = require('internal/errors').codes;
const { validateInteger, validateNumber, validateObject } = require('internal/validators');

const kCreate = Symbol('kCreate');
const kInt64Max = 9223372036854775807n;
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

class Histogram {
  #counts = new Map(); // value (Number) -> how many times recorded
  #count = 0;
  #min = kInt64Max;
  #max = 0n;
  #sum = 0;
  #sumSquares = 0;
  #exceeds = 0;

  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get count() { return this.#count; }
  get countBigInt() { return BigInt(this.#count); }
  get min() { return Number(this.#min); }
  get minBigInt() { return this.#min; }
  get max() { return Number(this.#max); }
  get maxBigInt() { return this.#max; }
  get exceeds() { return this.#exceeds; }
  get exceedsBigInt() { return BigInt(this.#exceeds); }
  get mean() { return this.#count === 0 ? NaN : this.#sum / this.#count; }
  get stddev() {
    if (this.#count === 0) return NaN;
    const mean = this.#sum / this.#count;
    return Math.sqrt(Math.max(0, this.#sumSquares / this.#count - mean * mean));
  }

  percentile(percentile) {
    validateNumber(percentile, 'percentile');
    if (!(percentile > 0 && percentile <= 100)) {
      throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', percentile);
    }
    if (this.#count === 0) return 0;
    const wanted = Math.ceil((percentile / 100) * this.#count);
    let seen = 0;
    for (const value of [...this.#counts.keys()].sort((a, b) => a - b)) {
      seen += this.#counts.get(value);
      if (seen >= wanted) return value;
    }
    return this.max;
  }

  percentileBigInt(percentile) { return BigInt(this.percentile(percentile)); }

  get percentiles() {
    const map = new Map();
    if (this.#count === 0) {
      map.set(100, 0);
      return map;
    }
    for (const p of [0, 50, 75, 87.5, 93.75, 96.875, 98.4375, 99.21875, 100]) {
      map.set(p, p === 0 ? this.min : this.percentile(p));
    }
    return map;
  }

  get percentilesBigInt() {
    const map = new Map();
    for (const [p, v] of this.percentiles) map.set(p, BigInt(v));
    return map;
  }

  reset() {
    this.#counts.clear();
    this.#count = 0;
    this.#min = kInt64Max;
    this.#max = 0n;
    this.#sum = 0;
    this.#sumSquares = 0;
    this.#exceeds = 0;
  }

  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean,
      exceeds: this.exceeds, stddev: this.stddev,
      percentiles: Object.fromEntries(this.percentiles),
    };
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return `[${this.constructor.name}]`;
    const { inspect } = require('internal/util/inspect');
    return `Histogram ${inspect({
      min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, count: this.count, percentiles: this.percentiles,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  static record(histogram, value) {
    const h = histogram;
    h.#counts.set(value, (h.#counts.get(value) ?? 0) + 1);
    h.#count++;
    const big = BigInt(value);
    if (big < h.#min) h.#min = big;
    if (big > h.#max) h.#max = big;
    h.#sum += value;
    h.#sumSquares += value * value;
  }

  static merge(into, from) {
    for (const [value, n] of from.#counts) {
      for (let i = 0; i < n; i++) recordValue(into, value);
    }
    into.#exceeds += from.#exceeds;
  }
}

const recordValue = Histogram.record;
const mergeInto = Histogram.merge;
delete Histogram.record;
delete Histogram.merge;

class RecordableHistogram extends Histogram {
  #lastDelta;

  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kCreate);
  }

  record(val) {
    if (typeof val === 'bigint') {
      if (val < 1n || val > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw new ERR_OUT_OF_RANGE('val', `>= 1 && <= ${Number.MAX_SAFE_INTEGER}`, val);
      }
      val = Number(val);
    } else {
      validateInteger(val, 'val', 1);
    }
    recordValue(this, val);
  }

  // Records the nanoseconds since the previous call (nothing on the first call).
  recordDelta() {
    const now = process.hrtime.bigint();
    if (this.#lastDelta !== undefined) {
      const delta = Number(now - this.#lastDelta);
      if (delta > 0) recordValue(this, delta);
    }
    this.#lastDelta = now;
  }

  add(other) {
    if (!(other instanceof RecordableHistogram)) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    mergeInto(this, other);
  }
}

function validateBound(value, name, min) {
  if (typeof value === 'bigint') {
    if (value < BigInt(min)) throw new ERR_OUT_OF_RANGE(name, `>= ${min}`, value);
    return Number(value);
  }
  validateInteger(value, name, min, Number.MAX_SAFE_INTEGER);
  return value;
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  const low = validateBound(lowest, 'options.lowest', 1);
  validateBound(highest, 'options.highest', 2 * low);
  validateInteger(figures, 'options.figures', 1, 5);
  return new RecordableHistogram(kCreate);
}

// The event-loop delay monitor: a timer every `resolution` ms records how late it ran.
class IntervalHistogram extends Histogram {
  #timer = null;
  #resolution;
  #last = 0n;

  constructor(key, resolution) {
    super(key);
    this.#resolution = resolution;
  }

  enable() {
    if (this.#timer !== null) return false;
    this.#last = process.hrtime.bigint();
    this.#timer = setInterval(() => {
      const now = process.hrtime.bigint();
      const late = Number(now - this.#last) - this.#resolution * 1e6;
      this.#last = now;
      recordValue(this, Math.max(1, Math.round(late)));
    }, this.#resolution);
    this.#timer.unref();
    return true;
  }

  disable() {
    if (this.#timer === null) return false;
    clearInterval(this.#timer);
    this.#timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  return new IntervalHistogram(kCreate, resolution);
}

function isRecordableHistogram(value) { return value instanceof RecordableHistogram; }

module.exports = {
  Histogram,
  IntervalHistogram,
  RecordableHistogram,
  createHistogram,
  isRecordableHistogram,
  monitorEventLoopDelay,
  recordValue,
};
