'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy (streams.spec.whatwg.org §7).

const { ERR_MISSING_OPTION, ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const {
  kState, kType, setState, brandCheck, defineToStringTag, makeEnumerable, customInspect,
  inspectSymbol,
} = require('internal/webstreams/util');

function readInit(init) {
  if (init === null || typeof init !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('init', 'Object', init);
  }
  if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('options.highWaterMark');
  return +init.highWaterMark;
}

// The size functions are shared by all instances, as the spec requires; named `size`.
const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
const countSize = { size() { return 1; } }.size;

class ByteLengthQueuingStrategy {
  constructor(init) {
    setState(this, { [kType]: 'ByteLengthQueuingStrategy', highWaterMark: readInit(init) });
  }

  get highWaterMark() {
    return brandCheck(this, 'ByteLengthQueuingStrategy').highWaterMark;
  }

  get size() {
    brandCheck(this, 'ByteLengthQueuingStrategy');
    return byteLengthSize;
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { highWaterMark: this[kState].highWaterMark }, depth, options);
  }
}
makeEnumerable(ByteLengthQueuingStrategy, ['highWaterMark', 'size']);
defineToStringTag(ByteLengthQueuingStrategy, 'ByteLengthQueuingStrategy');

class CountQueuingStrategy {
  constructor(init) {
    setState(this, { [kType]: 'CountQueuingStrategy', highWaterMark: readInit(init) });
  }

  get highWaterMark() {
    return brandCheck(this, 'CountQueuingStrategy').highWaterMark;
  }

  get size() {
    brandCheck(this, 'CountQueuingStrategy');
    return countSize;
  }

  [inspectSymbol](depth, options) {
    return customInspect(this, { highWaterMark: this[kState].highWaterMark }, depth, options);
  }
}
makeEnumerable(CountQueuingStrategy, ['highWaterMark', 'size']);
defineToStringTag(CountQueuingStrategy, 'CountQueuingStrategy');

module.exports = { ByteLengthQueuingStrategy, CountQueuingStrategy };
