'use strict';
// node:crypto on OpenSSL 3. The work lives in internal/crypto/* over the native `crypto`
// binding (runtime/bindings/crypto/); this file assembles Node 20's public surface.

const {
  ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH,
  ERR_INVALID_ARG_TYPE,
} = require('internal/errors').codes;
const { binding, getHashes, getCiphers, getCurves, isArrayBufferLike } =
  require('internal/crypto/util');
const { Hash, Hmac, hash } = require('internal/crypto/hash');
const {
  Cipheriv, Decipheriv, Cipher, Decipher, createLegacyCipher, createLegacyDecipher, getCipherInfo,
} = require('internal/crypto/cipher');
const random = require('internal/crypto/random');
const kdf = require('internal/crypto/kdf');
const keys = require('internal/crypto/keys');
const sig = require('internal/crypto/sig');
const keygen = require('internal/crypto/keygen');
const dh = require('internal/crypto/diffiehellman');

require('internal/tls/cli').initOpenSSL();  // --secure-heap and such, before any key.

function timingSafeEqual(buf1, buf2) {
  for (const [name, value] of [['buf1', buf1], ['buf2', buf2]]) {
    if (!isArrayBufferLike(value) && !ArrayBuffer.isView(value)) {
      throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
                                     value);
    }
  }
  if (buf1.byteLength !== buf2.byteLength) throw new ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  return binding.timingSafeEqual(buf1, buf2);
}

function webcrypto() {
  return require('internal/crypto/webcrypto');
}

module.exports = {
  // Classes.
  Hash,
  Hmac,
  Cipheriv,
  Decipheriv,
  Cipher,
  Decipher,
  Sign: sig.Sign,
  Verify: sig.Verify,
  ECDH: dh.ECDH,
  DiffieHellman: dh.DiffieHellman,
  DiffieHellmanGroup: dh.DiffieHellmanGroup,
  KeyObject: keys.KeyObject,
  X509Certificate: require('internal/crypto/x509').X509Certificate,
  Certificate: require('internal/crypto/certificate').Certificate,
  // Hashes, MACs and ciphers.
  createHash: (algorithm, options) => new Hash(algorithm, options),
  createHmac: (hmac, key, options) => new Hmac(hmac, key, options),
  createCipheriv: (cipher, key, iv, options) => new Cipheriv(cipher, key, iv, options),
  createDecipheriv: (cipher, key, iv, options) => new Decipheriv(cipher, key, iv, options),
  createCipher: createLegacyCipher,
  createDecipher: createLegacyDecipher,
  hash,
  getHashes,
  getCiphers,
  getCipherInfo,
  getCurves,
  timingSafeEqual,
  // Randomness.
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  getRandomValues: (array) => webcrypto().crypto.getRandomValues(array),
  // Key derivation.
  pbkdf2: kdf.pbkdf2,
  pbkdf2Sync: kdf.pbkdf2Sync,
  scrypt: kdf.scrypt,
  scryptSync: kdf.scryptSync,
  hkdf: kdf.hkdf,
  hkdfSync: kdf.hkdfSync,
  // Keys, signatures and key agreement.
  createSecretKey: keys.createSecretKey,
  createPublicKey: keys.createPublicKey,
  createPrivateKey: keys.createPrivateKey,
  generateKeyPair: keygen.generateKeyPair,
  generateKeyPairSync: keygen.generateKeyPairSync,
  generateKey: keygen.generateKey,
  generateKeySync: keygen.generateKeySync,
  createSign: (algorithm, options) => new sig.Sign(algorithm, options),
  createVerify: (algorithm, options) => new sig.Verify(algorithm, options),
  sign: sig.signOneShot,
  verify: sig.verifyOneShot,
  publicEncrypt: sig.publicEncrypt,
  privateDecrypt: sig.privateDecrypt,
  privateEncrypt: sig.privateEncrypt,
  publicDecrypt: sig.publicDecrypt,
  createECDH: dh.createECDH,
  createDiffieHellman: (sizeOrKey, keyEncoding, generator, genEncoding) =>
    new dh.DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding),
  createDiffieHellmanGroup: (name) => new dh.DiffieHellmanGroup(name),
  getDiffieHellman: (name) => new dh.DiffieHellmanGroup(name),
  diffieHellman: dh.diffieHellman,
  // OpenSSL configuration.
  getFips: () => 0,
  setFips(value) {
    if (value) throw require('internal/errors').makeNodeError(Error, 'ERR_CRYPTO_FIPS_UNAVAILABLE', 'Cannot set FIPS mode in a non-FIPS build.');
  },
  secureHeapUsed() {
    const heap = binding.secureHeapUsed();
    if (heap === undefined) return { total: 0, used: 0, utilization: 0, min: 0 };
    return { total: heap.total, used: heap.used, utilization: heap.used / heap.total,
      min: heap.min };
  },
  constants: Object.freeze({ __proto__: null, ...binding.constants,
    defaultCoreCipherList: kDefaultCipherList(),
    defaultCipherList: require('internal/tls/cli').cipherList(kDefaultCipherList()) }),
};

function kDefaultCipherList() {
  return 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
    'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:' +
    'ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:' +
    '!MD5:!PSK:!SRP:!CAMELLIA';
}

// pseudoRandomBytes, prng and rng: hidden aliases of randomBytes, deprecated (DEP0115)
// under --pending-deprecation, with one warning for the three as Node gives.
function pendingDeprecation() {
  return process.execArgv.includes('--pending-deprecation') ||
    process.env.NODE_PENDING_DEPRECATION === '1' ||
    /(^|\s)--pending-deprecation(\s|$)/.test(process.env.NODE_OPTIONS || '');
}
let warnedRandomAlias = false;
function randomBytesAlias(key) {
  return {
    enumerable: false,
    configurable: true,
    get() {
      let value = random.randomBytes;
      if (pendingDeprecation()) {
        value = function randomBytes(...args) {
          if (!warnedRandomAlias) {
            warnedRandomAlias = true;
            process.emitWarning(`crypto.${key} is deprecated.`, 'DeprecationWarning', 'DEP0115');
          }
          return random.randomBytes(...args);
        };
      }
      Object.defineProperty(this, key, { enumerable: false, configurable: true, writable: true,
                                         value });
      return value;
    },
    set(value) {
      Object.defineProperty(this, key, { enumerable: true, configurable: true, writable: true,
                                         value });
    },
  };
}

Object.defineProperties(module.exports, {
  pseudoRandomBytes: randomBytesAlias('pseudoRandomBytes'),
  prng: randomBytesAlias('prng'),
  rng: randomBytesAlias('rng'),
  webcrypto: { get() { return webcrypto().crypto; }, enumerable: false, configurable: true },
  subtle: { get() { return webcrypto().crypto.subtle; }, enumerable: false, configurable: true },
});
