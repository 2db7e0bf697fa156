'use strict';
// Cipheriv and Decipheriv: LazyTransform streams over the native CipherBase, with AAD,
// auth tags and padding control, plus getCipherInfo().

const LazyTransform = require('internal/crypto/lazy_transform');
const {
  ERR_CRYPTO_INVALID_AUTH_TAG,
  ERR_CRYPTO_INVALID_IV,
  ERR_CRYPTO_INVALID_KEYLEN,
  ERR_CRYPTO_INVALID_STATE,
  ERR_CRYPTO_UNKNOWN_CIPHER,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_ARGS,
} = require('internal/errors').codes;
const { makeNodeError } = require('internal/errors');
const { validateInt32, validateObject, validateString } = require('internal/validators');
const { binding, kHandle, bufferFrom, getArrayBufferOrView } = require('internal/crypto/util');

// Statuses of CipherBase.init / setAuthTag (runtime/bindings/crypto/cipher.cc).
const kUnknownCipher = 1;
const kInvalidKeyLength = 2;
const kInvalidIv = 3;
const kInvalidAuthTagLength = 4;
const kAuthTagLengthRequired = 5;

const kState = Symbol('kState');

function getUIntOption(options, key) {
  let value;
  if (options !== null && typeof options === 'object' && (value = options[key]) != null) {
    if (value >>> 0 !== value) throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    return value;
  }
  return -1;
}

function getStringOption(options, key) {
  return options !== null && typeof options === 'object' ? options[key] : undefined;
}

function createCipher(self, cipher, key, iv, options, decipher) {
  validateString(cipher, 'cipher');
  const { prepareSecretKey } = require('internal/crypto/keys');
  key = prepareSecretKey(key, getStringOption(options, 'encoding'));
  iv = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  const authTagLength = getUIntOption(options, 'authTagLength');
  const handle = new binding.CipherBase(!decipher);
  const status = handle.init(cipher, key, iv, authTagLength);
  switch (status) {
    case 0: break;
    case kUnknownCipher: throw new ERR_CRYPTO_UNKNOWN_CIPHER();
    case kInvalidKeyLength: throw new ERR_CRYPTO_INVALID_KEYLEN();
    case kInvalidIv: throw new ERR_CRYPTO_INVALID_IV();
    case kInvalidAuthTagLength:
      throw new ERR_CRYPTO_INVALID_AUTH_TAG(`Invalid authentication tag length: ${authTagLength}`);
    case kAuthTagLengthRequired:
      throw new ERR_CRYPTO_INVALID_AUTH_TAG(`authTagLength required for ${cipher}`);
    default: throw new Error('Unknown cipher status');
  }
  self[kHandle] = handle;
  self[kState] = { decipher, finalized: false, tagSet: false, ccm: /-ccm$|ccm$/i.test(cipher) };
  self._decoder = null;
  LazyTransform.call(self, options);
}

function decode(self, buf, encoding, end) {
  if (!encoding || encoding === 'buffer') return buf;
  if (self._decoder === null || self._decoder.wanted !== normalize(encoding)) {
    const { StringDecoder } = require('string_decoder');
    const decoder = new StringDecoder(encoding);
    if (self._decoder !== null && self._decoder.encoding !== decoder.encoding) {
      throw new Error('Cannot change encoding');
    }
    self._decoder = decoder;
    self._decoder.wanted = normalize(encoding);
  }
  return end ? self._decoder.end(buf) : self._decoder.write(buf);
}

function normalize(encoding) {
  return `${encoding}`.toLowerCase();
}

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  createCipher(this, cipher, key, iv, options, false);
}

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  createCipher(this, cipher, key, iv, options, true);
}

// Legacy Cipher/Decipher (createCipher, DEP0106): key and IV come from the password
// through EVP_BytesToKey with MD5, one round and no salt, as OpenSSL's `enc` did.
function bytesToKey(cipher, password, keyLength, ivLength) {
  const { createHash } = require('crypto');
  const { Buffer } = require('buffer');
  const parts = [];
  let total = 0;
  let prev = Buffer.alloc(0);
  while (total < keyLength + ivLength) {
    prev = createHash('md5').update(prev).update(password).digest();
    parts.push(prev);
    total += prev.length;
  }
  const all = Buffer.concat(parts);
  return { key: all.subarray(0, keyLength), iv: all.subarray(keyLength, keyLength + ivLength) };
}

function legacyCipher(self, cipher, password, options, decipher) {
  validateString(cipher, 'cipher');
  password = getArrayBufferOrView(password, 'password');
  const info = binding.getCipherInfo(cipher, -1, -1);
  if (info === undefined) throw new ERR_CRYPTO_UNKNOWN_CIPHER();
  if (!decipher && (info.mode === 'ctr' || info.mode === 'gcm' || info.mode === 'ccm')) {
    process.emitWarning(`Use Cipheriv for counter mode of ${cipher}`);
  }
  const view = ArrayBuffer.isView(password) ?
    new Uint8Array(password.buffer, password.byteOffset, password.byteLength) :
    new Uint8Array(password);
  const { key, iv } = bytesToKey(cipher, view, info.keyLength, info.ivLength ?? 0);
  createCipher(self, cipher, key, info.ivLength ? iv : null, options, decipher);
}

function Cipher(cipher, password, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
  legacyCipher(this, cipher, password, options, false);
}

function Decipher(cipher, password, options) {
  if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
  legacyCipher(this, cipher, password, options, true);
}

let warnedLegacy = false;
// DEP0106 is one deprecation code for both functions, so Node warns once for either.
function warnLegacy(name) {
  if (warnedLegacy) return;
  warnedLegacy = true;
  process.emitWarning(`crypto.${name} is deprecated.`, 'DeprecationWarning', 'DEP0106');
}

function createLegacyCipher(cipher, password, options) {
  warnLegacy('createCipher');
  return new Cipher(cipher, password, options);
}

function createLegacyDecipher(cipher, password, options) {
  warnLegacy('createDecipher');
  return new Decipher(cipher, password, options);
}

const proto = {
  _transform(chunk, encoding, callback) {
    this.push(this.update(chunk, encoding));
    callback();
  },

  _flush(callback) {
    try {
      this.push(this.final());
    } catch (e) {
      callback(e);
      return;
    }
    callback();
  },

  update(data, inputEncoding, outputEncoding) {
    if (typeof data === 'string') {
      const { Buffer } = require('buffer');
      if (inputEncoding === 'buffer' || !inputEncoding) inputEncoding = 'utf8';
      if (!Buffer.isEncoding(inputEncoding)) {
        const { ERR_UNKNOWN_ENCODING } = require('internal/errors').codes;
        throw new ERR_UNKNOWN_ENCODING(inputEncoding);
      }
      if (inputEncoding === 'hex' && data.length % 2 !== 0) {
        throw new ERR_INVALID_ARG_VALUE('encoding', inputEncoding,
                                        `is invalid for data of length ${data.length}`);
      }
      data = Buffer.from(data, inputEncoding);
    } else if (!ArrayBuffer.isView(data)) {
      throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'],
                                     data);
    }
    if (this[kState].finalized) throw new Error('Trying to add data in unsupported state');
    const ret = this[kHandle].update(data);
    if (ret === undefined) throw new Error('Trying to add data in unsupported state');
    return decode(this, bufferFrom(ret), outputEncoding, false);
  },

  final(outputEncoding) {
    const state = this[kState];
    if (state.finalized) throw makeNodeError(Error, 'ERR_CRYPTO_INVALID_STATE', 'Invalid state');
    state.finalized = true;
    const ret = bufferFrom(this[kHandle].final());
    return decode(this, ret, outputEncoding, true);
  },

  setAutoPadding(ap = true) {
    if (this[kState].finalized || !this[kHandle].setAutoPadding(!!ap)) {
      throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
    }
    return this;
  },

  setAAD(aadbuf, options) {
    const encoding = getStringOption(options, 'encoding');
    const plaintextLength = getUIntOption(options, 'plaintextLength');
    aadbuf = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
    if (this[kState].ccm && plaintextLength === -1) {
      throw new ERR_MISSING_ARGS('options.plaintextLength required for CCM mode with AAD');
    }
    if (this[kState].finalized || !this[kHandle].setAAD(aadbuf, plaintextLength)) {
      throw new ERR_CRYPTO_INVALID_STATE('setAAD');
    }
    return this;
  },
};

for (const Class of [Cipheriv, Decipheriv, Cipher, Decipher]) {
  Object.setPrototypeOf(Class.prototype, LazyTransform.prototype);
  Object.setPrototypeOf(Class, LazyTransform);
  for (const [name, fn] of Object.entries(proto)) Class.prototype[name] = fn;
}

Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const ret = this[kState].finalized ? this[kHandle].getAuthTag() : undefined;
  if (ret === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return bufferFrom(ret);
};

Cipher.prototype.getAuthTag = Cipheriv.prototype.getAuthTag;

Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  const state = this[kState];
  if (state.finalized || state.tagSet) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  const status = this[kHandle].setAuthTag(tagbuf);
  if (status === kInvalidAuthTagLength) {
    throw new ERR_CRYPTO_INVALID_AUTH_TAG(
      `Invalid authentication tag length: ${tagbuf.byteLength}`);
  }
  if (status !== 0) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  state.tagSet = true;
  return this;
};

Decipher.prototype.setAuthTag = Decipheriv.prototype.setAuthTag;

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength = -1;
  let ivLength = -1;
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.keyLength !== undefined) {
      validateInt32(options.keyLength, 'options.keyLength');
      keyLength = options.keyLength;
    }
    if (options.ivLength !== undefined) {
      validateInt32(options.ivLength, 'options.ivLength');
      ivLength = options.ivLength;
    }
  }
  return binding.getCipherInfo(nameOrNid, keyLength, ivLength);
}

module.exports = {
  Cipheriv, Decipheriv, Cipher, Decipher, createLegacyCipher, createLegacyDecipher, getCipherInfo,
};
