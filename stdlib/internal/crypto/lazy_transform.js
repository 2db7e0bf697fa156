'use strict';
// LazyTransform: a Transform whose stream state is built on first use. Hash, Hmac, Cipher
// and friends are mostly used through update()/digest(), never as streams, so they skip
// the cost of a full Transform until a stream property is touched.

const { Transform } = require('stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

function makeGetter(name) {
  return function get() {
    Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    return this[name];
  };
}

function makeSetter(name) {
  return function set(value) {
    Object.defineProperty(this, name, {
      value, enumerable: true, configurable: true, writable: true,
    });
  };
}

for (const name of ['_readableState', '_writableState', '_transformState']) {
  Object.defineProperty(LazyTransform.prototype, name, {
    get: makeGetter(name), set: makeSetter(name), configurable: true, enumerable: true,
  });
}

module.exports = LazyTransform;
