'use strict';
// Classes whose instances structured clone copies by value across MessagePorts and
// threads (KeyObject, CryptoKey) extend the native Cloneable, which makes their instances
// host objects for V8's serializer. The binding then calls clone(object): the object's
// [kClone]() gives { type, data } with `data` plain cloneable values (it may hold other
// Cloneables); on the receiving side deserialize({ type, data }) rebuilds the object.

const { Cloneable, setCloneHooks } = internalBinding('messaging');

const kClone = Symbol('kClone');

function dataCloneError(message) {
  const err = new Error(message);
  err.code = 'ERR_DATA_CLONE';
  return err;
}

function clone(object) {
  if (typeof object[kClone] !== 'function') {
    throw dataCloneError(`${Object.prototype.toString.call(object)} could not be cloned.`);
  }
  return object[kClone]();
}

function deserialize(message) {
  switch (message?.type) {
    case 'KeyObject':
      return require('internal/crypto/keys').deserializeKeyObject(message.data);
    case 'CryptoKey':
      return require('internal/crypto/webcrypto_util').deserializeCryptoKey(message.data);
    default:
      throw dataCloneError('Unable to deserialize cloned data.');
  }
}

setCloneHooks(clone, deserialize);

module.exports = { Cloneable, kClone };
