'use strict';
// generateKeyPair(Sync) and generateKey(Sync): native key generation (thread pool for the
// callback forms), then export in the requested encodings or KeyObjects.

const {
  ERR_CRYPTO_INVALID_CURVE,
  ERR_INCOMPATIBLE_OPTION_PAIR,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_OPTION,
} = require('internal/errors').codes;
const {
  validateFunction, validateInt32, validateObject, validateOneOf, validateString,
  validateUint32,
} = require('internal/validators');
const { binding, checkDigest } = require('internal/crypto/util');
const {
  PublicKeyObject, PrivateKeyObject, createSecretKey,
} = require('internal/crypto/keys');

function checkOptions(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const params = {};
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateUint32(options.modulusLength, 'options.modulusLength');
      params.modulusLength = options.modulusLength;
      if (options.publicExponent !== undefined) {
        validateUint32(options.publicExponent, 'options.publicExponent');
      }
      params.publicExponent = options.publicExponent ?? 0x10001;
      if (type === 'rsa-pss') {
        const { hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
        if (hashAlgorithm !== undefined) {
          validateString(hashAlgorithm, 'options.hashAlgorithm');
          checkDigest(hashAlgorithm, 'options.hashAlgorithm');
          params.hashAlgorithm = hashAlgorithm;
        }
        if (mgf1HashAlgorithm !== undefined) {
          validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
          checkDigest(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
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
      validateString(options.namedCurve, 'options.namedCurve');
      if (binding.curveNid(options.namedCurve) === 0) throw new ERR_CRYPTO_INVALID_CURVE();
      params.namedCurve = options.namedCurve;
      const { paramEncoding = 'named' } = options;
      validateOneOf(paramEncoding, 'options.paramEncoding', ['named', 'explicit']);
      params.paramEncoding = paramEncoding;
      break;
    }
    case 'ed25519': case 'ed448': case 'x25519': case 'x448':
      break;
    case 'dsa': {
      validateUint32(options.modulusLength, 'options.modulusLength');
      params.modulusLength = options.modulusLength;
      if (options.divisorLength != null) {
        validateInt32(options.divisorLength, 'options.divisorLength', 0);
        params.divisorLength = options.divisorLength;
      }
      break;
    }
    case 'dh': {
      const { group, primeLength, prime, generator } = options;
      if (group != null) {
        if (prime != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
        if (primeLength != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
        if (generator != null) throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
        validateString(group, 'options.group');
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

function checkEncoding(encoding, name) {
  if (encoding == null) return undefined;
  validateObject(encoding, name);
  if (encoding.format !== 'jwk') validateOneOf(encoding.format, `${name}.format`, ['pem', 'der', 'jwk']);
  return encoding;
}

function finish(pair, options) {
  const pub = new PublicKeyObject(pair[0]);
  const priv = new PrivateKeyObject(pair[1]);
  const pubEnc = checkEncoding(options?.publicKeyEncoding, 'options.publicKeyEncoding');
  const privEnc = checkEncoding(options?.privateKeyEncoding, 'options.privateKeyEncoding');
  return {
    publicKey: pubEnc ? pub.export(pubEnc) : pub,
    privateKey: privEnc ? priv.export(privEnc) : priv,
  };
}

function generateKeyPairSync(type, options) {
  const params = checkOptions(type, options ?? {});
  checkEncoding(options?.publicKeyEncoding, 'options.publicKeyEncoding');
  checkEncoding(options?.privateKeyEncoding, 'options.privateKeyEncoding');
  return finish(binding.generateKeyPair(type, params), options);
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const params = checkOptions(type, options ?? {});
  checkEncoding(options?.publicKeyEncoding, 'options.publicKeyEncoding');
  checkEncoding(options?.privateKeyEncoding, 'options.privateKeyEncoding');
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

module.exports = { generateKeyPair, generateKeyPairSync, generateKey, generateKeySync };
