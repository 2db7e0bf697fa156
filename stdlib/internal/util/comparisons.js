'use strict';
// Deep equality as assert.deepEqual / assert.deepStrictEqual define it
// (nodejs.org/api/assert.html#comparison-details).
// Strict: Object.is for primitives, same [[Prototype]], own enumerable symbols compared.
// Loose: == for primitives (NaN equals NaN), prototypes ignored.

const { types } = require('internal/util/inspect');
const {
  isDate, isRegExp, isMap, isSet, isNativeError, isArrayBufferView, isAnyArrayBuffer,
  isBoxedPrimitive, isNumberObject, isStringObject, isBooleanObject, isBigIntObject,
  isSymbolObject, isFloat32Array, isFloat64Array,
} = types;

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const isEnumerable = (obj, key) => Object.prototype.propertyIsEnumerable.call(obj, key);
const objectToString = Object.prototype.toString;

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

// Own enumerable keys that are not array indices (symbols only in strict mode).
// V8 lists them without collecting the index keys, which for an 8 MB typed array would
// be millions of strings.
const { getOwnNonIndexProperties } = internalBinding('util');
function nonIndexKeys(obj, strict) {
  return getOwnNonIndexProperties(obj, !strict);
}

function isError(v) {
  return isNativeError(v) || v instanceof Error;
}

function sameRegExp(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  // Large views: one native compare (memcmp) instead of a byte loop.
  if (x.length > 512) return require('buffer').Buffer.compare(x, y) === 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function sameLooseFloats(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameBoxed(a, b) {
  if (isNumberObject(a)) {
    return isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (isStringObject(a)) {
    return isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (isBooleanObject(a)) {
    return isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (isBigIntObject(a)) {
    return isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (isSymbolObject(a)) {
    return isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') {
        // eslint-disable-next-line eqeqeq
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const tagA = objectToString.call(a);
  if (tagA !== objectToString.call(b)) return false;

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return keyCheck(a, b, strict, memos, kIsArray, keysA);
  } else if (tagA === '[object Object]') {
    return keyCheck(a, b, strict, memos, kNoIterator);
  } else if (isDate(a)) {
    if (!isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (isRegExp(a)) {
    if (!isRegExp(b) || !sameRegExp(a, b)) return false;
  } else if (isError(a)) {
    if (!isError(b) || a.message !== b.message || a.name !== b.name) return false;
  } else if (isArrayBufferView(a)) {
    if (!isArrayBufferView(b)) return false;
    if (!strict && (isFloat32Array(a) || isFloat64Array(a))) {
      if (!sameLooseFloats(a, b)) return false;
    } else if (!sameBytes(a, b)) {
      return false;
    }
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return keyCheck(a, b, strict, memos, kNoIterator, keysA);
  } else if (isSet(a)) {
    if (!isSet(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, kIsSet);
  } else if (isMap(a)) {
    if (!isMap(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, kIsMap);
  } else if (isAnyArrayBuffer(a)) {
    if (!isAnyArrayBuffer(b) || !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (isBoxedPrimitive(a)) {
    if (!sameBoxed(a, b)) return false;
  } else if (Array.isArray(b) || isArrayBufferView(b) || isSet(b) || isMap(b) || isDate(b) ||
             isRegExp(b) || isAnyArrayBuffer(b) || isBoxedPrimitive(b) || isError(b)) {
    return false;
  }
  return keyCheck(a, b, strict, memos, kNoIterator);
}

function keyCheck(a, b, strict, memos, iterationType, keysA) {
  if (keysA === undefined) {
    keysA = Object.keys(a);
    if (keysA.length !== Object.keys(b).length) return false;
    for (const key of keysA) if (!isEnumerable(b, key)) return false;
    if (strict) {
      let count = 0;
      for (const sym of Object.getOwnPropertySymbols(a)) {
        if (isEnumerable(a, sym)) {
          if (!isEnumerable(b, sym)) return false;
          keysA.push(sym);
          count++;
        } else if (isEnumerable(b, sym)) {
          return false;
        }
      }
      const countB = Object.getOwnPropertySymbols(b).filter((s) => isEnumerable(b, s)).length;
      if (count !== countB) return false;
    }
  } else {
    for (const key of keysA) if (!isEnumerable(b, key)) return false;
  }
  if (keysA.length === 0 && (iterationType === kNoIterator ||
      (iterationType === kIsArray && a.length === 0) || a.size === 0)) {
    return true;
  }
  // Cycles: a pair already being compared further up is assumed equal.
  if (memos === undefined) memos = new Map();
  let inProgress = memos.get(a);
  if (inProgress !== undefined && inProgress.has(b)) return true;
  if (inProgress === undefined) {
    inProgress = new Set();
    memos.set(a, inProgress);
  }
  inProgress.add(b);
  try {
    return objEquiv(a, b, strict, keysA, memos, iterationType);
  } finally {
    inProgress.delete(b);
  }
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      const inA = hasOwn(a, i);
      const inB = hasOwn(b, i);
      if (inA !== inB) return false;
      if (!innerDeepEqual(a[i], b[i], strict, memos)) return false;
    }
  } else if (iterationType === kIsSet) {
    return setEquiv(a, b, strict, memos);
  } else if (iterationType === kIsMap) {
    return mapEquiv(a, b, strict, memos);
  }
  return true;
}

const isObj = (v) => typeof v === 'object' && v !== null;

// Removes from `pool` one element deep-equal to `value`; false if there is none.
function takeEqual(pool, value, strict, memos) {
  for (const candidate of pool) {
    if (innerDeepEqual(value, candidate, strict, memos)) {
      pool.delete(candidate);
      return true;
    }
  }
  return false;
}

function setEquiv(a, b, strict, memos) {
  const pending = new Set();
  for (const val of a) {
    if (isObj(val) || !b.has(val)) {
      if (!isObj(val) && strict) return false;
      pending.add(val);
    }
  }
  if (pending.size === 0) return true;
  for (const val of b) {
    if (isObj(val) || (!strict && !a.has(val))) {
      if (!takeEqual(pending, val, strict, memos)) return false;
    }
  }
  return pending.size === 0;
}

function mapEquiv(a, b, strict, memos) {
  const pending = new Set();
  for (const [key, val] of a) {
    if (!isObj(key) && b.has(key) && innerDeepEqual(val, b.get(key), strict, memos)) continue;
    if (!isObj(key) && strict) return false;
    pending.add(key);
  }
  if (pending.size === 0) return true;
  for (const [key2, val2] of b) {
    if (!isObj(key2) && a.has(key2) && !pending.has(key2)) continue;
    let found = false;
    for (const key1 of pending) {
      if (innerDeepEqual(key1, key2, strict, memos) &&
          innerDeepEqual(a.get(key1), val2, strict, memos)) {
        pending.delete(key1);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return pending.size === 0;
}

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, false);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, true);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
