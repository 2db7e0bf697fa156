'use strict';
// util.types: brand checks answered by V8 through the `types` binding, plus the typed
// array checks (the %TypedArray%.prototype[@@toStringTag] getter is itself a brand check).

const binding = internalBinding('types');

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

const types = {
  isArrayBufferView: (value) => ArrayBuffer.isView(value),
  isTypedArray: (value) => typedArrayTag.call(value) !== undefined,
};
for (const name of ['isAnyArrayBuffer', 'isArgumentsObject', 'isArrayBuffer', 'isAsyncFunction',
  'isBigIntObject', 'isBooleanObject', 'isBoxedPrimitive', 'isDataView', 'isDate', 'isExternal',
  'isGeneratorFunction', 'isGeneratorObject', 'isMap', 'isMapIterator', 'isModuleNamespaceObject',
  'isNativeError', 'isNumberObject', 'isPromise', 'isProxy', 'isRegExp', 'isSet', 'isSetIterator',
  'isSharedArrayBuffer', 'isStringObject', 'isSymbolObject', 'isWeakMap', 'isWeakSet']) {
  const check = binding[name];
  // Named after the check and taking one argument, as Node's are.
  types[name] = { [name]: (value) => check(value) }[name];
}
for (const name of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array',
  'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
  types[`is${name}`] = { [`is${name}`]: (value) => typedArrayTag.call(value) === name }[`is${name}`];
}
// KeyObject and CryptoKey belong to node:crypto; load it only when asked.
let crypto;
function cryptoClass(name) {
  if (crypto === undefined) {
    try {
      crypto = require('crypto');
    } catch {
      crypto = null;
    }
  }
  return crypto?.[name];
}
types.isKeyObject = function isKeyObject(value) {
  const KeyObject = cryptoClass('KeyObject');
  return typeof KeyObject === 'function' && value instanceof KeyObject;
};
types.isCryptoKey = function isCryptoKey(value) {
  const CryptoKey = cryptoClass('CryptoKey');
  return typeof CryptoKey === 'function' && value instanceof CryptoKey;
};

module.exports = types;
