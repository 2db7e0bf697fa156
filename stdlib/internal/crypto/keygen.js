'use strict';
// generateKeyPair(Sync) and generateKey(Sync): native key generation (thread pool for the
// callback forms), then export in the requested encodings or KeyObjects.

const {
  ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
  ERR_CRYPTO_INVALID_CURVE,
  ERR_CRYPTO_UNKNOWN_CIPHER,
  ERR_CRYPTO_UNKNOWN_DH_GROUP,
  ERR_INCOMPATIBLE_OPTION_PAIR,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_OPTION,
} = require('internal/errors').codes;
const {
  validateFunction, validateInt32, validateObject, validateOneOf, validateString,
  validateUint32,
} = require('internal/validators');
const { makeNodeError } = require('internal/errors');
const { binding, checkDigest, isArrayBufferLike } = require('internal/crypto/util');
const {
  PublicKeyObject, PrivateKeyObject, createSecretKey,
} = require('internal/crypto/keys');

// options.hash and options.mgf1Hash (DEP0154) as aliases of the *Algorithm names.
function deprecatedOption(options, oldName, newName) {
  const value = options[newName];
  const old = options[oldName];
  if (old === undefined) return value;
  process.emitWarning(`"options.${oldName}" is deprecated, use "options.${newName}" instead.`,
                      'DeprecationWarning', 'DEP0154');
  validateString(old, `options.${oldName}`);
  if (value !== undefined && value !== old) {
    throw new ERR_INVALID_ARG_VALUE(`options.${oldName}`, old);
  }
  return old;
}

function checkOptions(type, options) {
  validateString(type, 'type');
  const params = {};
  if (options !== undefined) validateObject(options, 'options');
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      validateUint32(options.modulusLength, 'options.modulusLength');
      params.modulusLength = options.modulusLength;
      if (options.publicExponent !== undefined) {
        validateUint32(options.publicExponent, 'options.publicExponent');
      }
      params.publicExponent = options.publicExponent ?? 0x10001;
      if (type === 'rsa-pss') {
        const { saltLength } = options;
        const hashAlgorithm = deprecatedOption(options, 'hash', 'hashAlgorithm');
        let mgf1HashAlgorithm = deprecatedOption(options, 'mgf1Hash', 'mgf1HashAlgorithm');
        // RFC 8017, 9.1: MGF1 uses the message digest unless told otherwise (as in Node).
        if (mgf1HashAlgorithm === undefined) mgf1HashAlgorithm = hashAlgorithm;
        if (hashAlgorithm !== undefined) {
          validateString(hashAlgorithm, 'options.hashAlgorithm');
          checkDigest(hashAlgorithm, 'options.hashAlgorithm');
          params.hashAlgorithm = hashAlgorithm;
        }
        if (mgf1HashAlgorithm !== undefined) {
          validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
          if (binding.getDigestSize(mgf1HashAlgorithm) === -1) {
            throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST',
                                `Invalid MGF1 digest: ${mgf1HashAlgorithm}`);
          }
          params.mgf1HashAlgorithm = mgf1HashAlgorithm;
        }
        if (saltLength !== undefined) {
          validateInt32(saltLength, 'options.saltLength', 0);
          params.saltLength = saltLength;
        }
      }
      break;
    }
    case 'ec': {
      validateObject(options, 'options');
      validateString(options.namedCurve, 'options.namedCurve');
      if (binding.curveNid(options.namedCurve) === 0) throw new ERR_CRYPTO_INVALID_CURVE();
      params.namedCurve = options.namedCurve;
      const { paramEncoding = 'named' } = options;
      if (paramEncoding !== 'named' && paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
      }
      params.paramEncoding = paramEncoding;
      break;
    }
    case 'ed25519': case 'ed448': case 'x25519': case 'x448':
      break;
    case 'dsa': {
      validateObject(options, 'options');
      validateUint32(options.modulusLength, 'options.modulusLength');
      params.modulusLength = options.modulusLength;
      if (options.divisorLength != null) {
        validateInt32(options.divisorLength, 'options.divisorLength', 0);
        params.divisorLength = options.divisorLength;
      }
      break;
    }
    case 'dh': {
      validateObject(options, 'options');
      const { group, primeLength, prime, generator } = options;
      if (group != null) {
        if (prime != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
        if (generator != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
        validateString(group, 'options.group');
        if (!/^modp(1|2|5|14|15|16|17|18)$/.test(group)) throw new ERR_CRYPTO_UNKNOWN_DH_GROUP();
        params.group = group;
      } else if (prime != null) {
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
        params.prime = prime;
      } else if (primeLength != null) {
        validateInt32(primeLength, 'options.primeLength', 0);
        params.primeLength = primeLength;
      } else {
        throw new ERR_MISSING_OPTION('At least one of the group, prime, or primeLength options');
      }
      if (generator != null) {
        validateInt32(generator, 'options.generator', 0);
        params.generator = generator;
      }
      break;
    }
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return params;
}

// Validates publicKeyEncoding / privateKeyEncoding before any key is generated.
function checkEncoding(encoding, name, isPublic, keyType) {
  if (encoding == null) return undefined;
  if (typeof encoding !== 'object') throw new ERR_INVALID_ARG_VALUE(name, encoding);
  const { format, type, cipher, passphrase } = encoding;
  if (format === 'jwk') {
    if (!isPublic && (cipher !== undefined || passphrase !== undefined)) {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS('jwk', 'does not support encryption');
    }
    return encoding;
  }
  if (format !== 'pem' && format !== 'der') {
    throw new ERR_INVALID_ARG_VALUE(`${name}.format`, format);
  }
  const allowed = isPublic ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
  if (!allowed.includes(type)) throw new ERR_INVALID_ARG_VALUE(`${name}.type`, type);
  if (type === 'pkcs1' && keyType !== 'rsa') {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for RSA keys');
  }
  if (type === 'sec1' && keyType !== 'ec') {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'can only be used for EC keys');
  }
  if (!isPublic && cipher != null) {
    if (typeof cipher !== 'string') throw new ERR_INVALID_ARG_VALUE(`${name}.cipher`, cipher);
    if (format === 'der' && type !== 'pkcs8') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(type, 'does not support encryption');
    }
    if (binding.getCipherInfo(cipher, -1, -1) === undefined) {
      throw new ERR_CRYPTO_UNKNOWN_CIPHER();
    }
    if (typeof passphrase !== 'string' && !ArrayBuffer.isView(passphrase) &&
        !isArrayBufferLike(passphrase)) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.passphrase`, passphrase);
    }
  }
  return encoding;
}

function checkEncodings(type, options) {
  checkEncoding(options?.publicKeyEncoding, 'options.publicKeyEncoding', true, type);
  checkEncoding(options?.privateKeyEncoding, 'options.privateKeyEncoding', false, type);
}

function finish(pair, options) {
  const pub = new PublicKeyObject(pair[0]);
  const priv = new PrivateKeyObject(pair[1]);
  const pubEnc = options?.publicKeyEncoding;
  const privEnc = options?.privateKeyEncoding;
  return {
    publicKey: pubEnc ? pub.export(pubEnc) : pub,
    privateKey: privEnc ? priv.export(privEnc) : priv,
  };
}

function generateKeyPairSync(type, options) {
  checkEncodings(type, options);
  const params = checkOptions(type, options);
  return finish(binding.generateKeyPair(type, params), options);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  checkEncodings(type, options);
  const params = checkOptions(type, options);
  binding.generateKeyPair(type, params, (err, pair) => {
    if (err) return callback(err);
    let result;
    try {
      result = finish(pair, options);
    } catch (e) {
      return callback(e);
    }
    callback(null, result.publicKey, result.privateKey);
  });
}

function secretKeyLength(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  if (type === 'hmac') {
    validateInt32(length, 'options.length', 8, 2 ** 31 - 1);
  } else if (type === 'aes') {
    validateOneOf(length, 'options.length', [128, 192, 256]);
  } else {
    throw new ERR_INVALID_ARG_VALUE('type', type, "must be a supported key type");
  }
  return Math.floor(length / 8);
}

function generateKeySync(type, options) {
  const { randomBytes } = require('internal/crypto/random');
  return createSecretKey(randomBytes(secretKeyLength(type, options)));
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const bytes = secretKeyLength(type, options);
  require('internal/crypto/random').randomBytes(bytes, (err, buf) => {
    if (err) return callback(err);
    callback(null, createSecretKey(buf));
  });
}

// util.promisify(generateKeyPair) resolves to { publicKey, privateKey }, as in Node.
Object.defineProperty(generateKeyPair, Symbol.for('nodejs.util.promisify.custom'), {
  value: (type, options) => new Promise((resolve, reject) => {
    generateKeyPair(type, options, (err, publicKey, privateKey) => {
      if (err) reject(err);
      else resolve({ publicKey, privateKey });
    });
  }),
  enumerable: false,
  configurable: true,
});

module.exports = { generateKeyPair, generateKeyPairSync, generateKey, generateKeySync };
