'use strict';
// SubtleCrypto's key management: generateKey, importKey and exportKey in raw, pkcs8, spki
// and jwk, for every algorithm family, on top of KeyObject and generateKeyPair.

const { Buffer } = require('buffer');
const { kKeyObject } = require('internal/crypto/util');
const {
  createSecretKey, createPublicKey, createPrivateKey,
} = require('internal/crypto/keys');
const {
  newCryptoKey, domError, callbackPromise, toArrayBuffer,
} = require('internal/crypto/webcrypto_util');

const kCurves = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const kCurveBytes = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

// Usages a key of each family may carry: [public or secret, private].
const kUsageSets = {
  'RSASSA-PKCS1-v1_5': [['verify'], ['sign']],
  'RSA-PSS': [['verify'], ['sign']],
  'RSA-OAEP': [['encrypt', 'wrapKey'], ['decrypt', 'unwrapKey']],
  'ECDSA': [['verify'], ['sign']],
  'Ed25519': [['verify'], ['sign']],
  'Ed448': [['verify'], ['sign']],
  'ECDH': [[], ['deriveKey', 'deriveBits']],
  'X25519': [[], ['deriveKey', 'deriveBits']],
  'X448': [[], ['deriveKey', 'deriveBits']],
  'HMAC': [['sign', 'verify']],
  'AES-CTR': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
  'AES-CBC': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
  'AES-GCM': [['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']],
  'AES-KW': [['wrapKey', 'unwrapKey']],
  'HKDF': [['deriveKey', 'deriveBits']],
  'PBKDF2': [['deriveKey', 'deriveBits']],
};

function family(name) {
  if (name.startsWith('RSA')) return 'RSA';
  if (name === 'ECDSA' || name === 'ECDH') return 'EC';
  if (name.startsWith('AES')) return 'AES';
  if (name === 'HMAC' || name === 'HKDF' || name === 'PBKDF2') return name;
  return 'OKP';
}

function article(name) {
  return /^[AEHIORX]/.test(name) && name !== 'HKDF' ? 'an' : 'a';
}

function checkUsages(name, usages, allowed) {
  for (const usage of usages) {
    if (!allowed.includes(usage)) {
      const label = name.startsWith('RSA') ? 'RSA' : name;
      throw domError(`Unsupported key usage for ${article(label)} ${label} key`, 'SyntaxError');
    }
  }
}

function toUsages(keyUsages) {
  if (keyUsages === null || typeof keyUsages !== 'object' ||
      typeof keyUsages[Symbol.iterator] !== 'function') {
    const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
    throw new ERR_INVALID_ARG_TYPE('keyUsages', 'Array', keyUsages);
  }
  const list = [...keyUsages].map((u) => `${u}`);
  const valid = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey',
    'unwrapKey'];
  for (const usage of list) {
    if (!valid.includes(usage)) {
      const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;
      throw new ERR_INVALID_ARG_VALUE('keyUsages', usage, 'is not a valid KeyUsage');
    }
  }
  return list;
}

// The algorithm dictionary a key reports (CryptoKey.algorithm).
function keyAlgorithm(algorithm, keyObject, secretBits) {
  const { name } = algorithm;
  switch (family(name)) {
    case 'RSA': {
      const { modulusLength, publicExponent } = keyObject.asymmetricKeyDetails;
      let hex = publicExponent.toString(16);
      if (hex.length % 2) hex = `0${hex}`;
      return { name, modulusLength, publicExponent: new Uint8Array(Buffer.from(hex, 'hex')),
               hash: { name: algorithm.hash.name } };
    }
    case 'EC': return { name, namedCurve: algorithm.namedCurve };
    case 'AES': return { name, length: secretBits };
    case 'HMAC': return { name, length: secretBits, hash: { name: algorithm.hash.name } };
    default: return { name };
  }
}

function okpType(name) {
  return name.toLowerCase();
}

async function generateKey(algorithm, extractable, usages) {
  const { name } = algorithm;
  const sets = kUsageSets[name];
  const fam = family(name);
  if (fam === 'AES' || fam === 'HMAC') {
    checkUsages(name, usages, sets[0]);
    let bits;
    if (fam === 'AES') {
      bits = algorithm.length;
      if (![128, 192, 256].includes(bits)) {
        throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
      }
    } else {
      bits = algorithm.length ?? hashBlockBits(algorithm.hash.name);
      if (bits === 0) throw domError('Zero-length key is not supported', 'OperationError');
    }
    if (usages.length === 0) {
      throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
    }
    const { randomBytes } = require('internal/crypto/random');
    const [buf] = await callbackPromise(randomBytes, Math.ceil(bits / 8));
    const keyObject = createSecretKey(buf);
    return newCryptoKey(keyObject, keyAlgorithm(algorithm, keyObject, bits), usages, extractable);
  }
  checkUsages(name, usages, [...sets[0], ...sets[1]]);
  let type;
  const options = {};
  if (fam === 'RSA') {
    type = 'rsa';
    options.modulusLength = algorithm.modulusLength;
    const e = algorithm.publicExponent;
    let exponent = 0;
    for (const byte of e) exponent = exponent * 256 + byte;
    if (e.byteLength > 4 || exponent === 0 || exponent % 2 === 0) {
      throw domError('The publicExponent must be equivalent to an unsigned 32-bit value',
                     'OperationError');
    }
    options.publicExponent = exponent;
  } else if (fam === 'EC') {
    type = 'ec';
    options.namedCurve = kCurves[algorithm.namedCurve];
    if (options.namedCurve === undefined) {
      throw domError('Unrecognized namedCurve', 'NotSupportedError');
    }
  } else {
    type = okpType(name);
  }
  const privateUsages = usages.filter((u) => sets[1].includes(u));
  if (privateUsages.length === 0) {
    throw domError('Usages cannot be empty when creating a key.', 'SyntaxError');
  }
  const { generateKeyPair } = require('internal/crypto/keygen');
  const [publicKey, privateKey] = await callbackPromise(generateKeyPair, type, options)
    .catch((err) => { throw domError(err.message, 'OperationError'); });
  const alg = keyAlgorithm(algorithm, publicKey);
  return {
    publicKey: newCryptoKey(publicKey, alg, usages.filter((u) => sets[0].includes(u)), true),
    privateKey: newCryptoKey(privateKey, keyAlgorithm(algorithm, privateKey), privateUsages,
                             extractable),
  };
}

function hashBlockBits(hash) {
  return hash === 'SHA-384' || hash === 'SHA-512' ? 1024 : 512;
}

// JWK "alg" values per algorithm and hash.
function jwkAlg(algorithm, bits) {
  const { name } = algorithm;
  const hashBits = algorithm.hash?.name.slice(4);
  switch (name) {
    case 'RSASSA-PKCS1-v1_5': return `RS${hashBits}`;
    case 'RSA-PSS': return `PS${hashBits}`;
    case 'RSA-OAEP': return hashBits === '1' ? 'RSA-OAEP' : `RSA-OAEP-${hashBits}`;
    case 'HMAC': return `HS${hashBits}`;
    case 'AES-CTR': case 'AES-CBC': case 'AES-GCM': case 'AES-KW':
      return `A${bits}${name.slice(4)}`;
    default: return undefined;
  }
}

function jwkAlgHash(alg) {
  const match = /^(?:RS|PS|RSA-OAEP-?)(1|256|384|512)?$/.exec(`${alg}`);
  if (match === null) return undefined;
  return `SHA-${match[1] ?? '1'}`;
}

function checkJwk(jwk, algorithm, extractable, usages, kty) {
  if (jwk === null || typeof jwk !== 'object') throw domError('Invalid keyData', 'DataError');
  if (jwk.kty !== kty) throw domError('Invalid JWK "kty" Parameter', 'DataError');
  if (usages.length > 0 && jwk.use !== undefined) {
    const want = ['RSA-OAEP', 'ECDH', 'X25519', 'X448'].includes(algorithm.name) ||
      algorithm.name.startsWith('AES') ? 'enc' : 'sig';
    if (jwk.use !== want) throw domError('Invalid JWK "use" Parameter', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops) || usages.some((u) => !jwk.key_ops.includes(u))) {
      throw domError('Key operations and usage mismatch', 'DataError');
    }
  }
  if (jwk.ext === false && extractable) {
    throw domError('JWK "ext" Parameter and extractable mismatch', 'DataError');
  }
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  checkUsages(name, usages, kUsageSets[name][0]);
  const fam = family(name);
  if (fam === 'HKDF' || fam === 'PBKDF2') {
    if (extractable) throw domError(`${name} keys are not extractable`, 'SyntaxError');
    if (format !== 'raw') {
      throw domError(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
    }
  }
  let bytes;
  if (format === 'raw') {
    bytes = Buffer.from(keyData.buffer ?? keyData, keyData.byteOffset ?? 0, keyData.byteLength);
  } else if (format === 'jwk') {
    checkJwk(keyData, algorithm, extractable, usages, 'oct');
    if (typeof keyData.k !== 'string') throw domError('Invalid JWK secret key format', 'DataError');
    bytes = Buffer.from(keyData.k, 'base64url');
    if (keyData.alg !== undefined && keyData.alg !== jwkAlg(algorithm, bytes.length * 8)) {
      throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
    }
  } else {
    throw domError(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
  }
  const bits = bytes.length * 8;
  if (fam === 'AES') {
    if (![128, 192, 256].includes(bits) ||
        (algorithm.length !== undefined && algorithm.length !== bits)) {
      throw domError('Invalid key length', 'DataError');
    }
  } else if (fam === 'HMAC') {
    if (bits === 0 || algorithm.length === 0) {
      throw domError('Zero-length key is not supported', 'DataError');
    }
    if (algorithm.length !== undefined && algorithm.length !== bits) {
      throw domError('Invalid key length', 'DataError');
    }
  }
  if (usages.length === 0) {
    throw domError('Usages cannot be empty when importing a secret key.', 'SyntaxError');
  }
  const keyObject = createSecretKey(Buffer.from(bytes));
  return newCryptoKey(keyObject, keyAlgorithm(algorithm, keyObject, bits), usages,
                      fam === 'HKDF' || fam === 'PBKDF2' ? false : extractable);
}

// The uncompressed point (0x04 || x || y) of a raw EC public key, as a JWK.
function ecRawToJwk(data, namedCurve) {
  let point = Buffer.from(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength);
  const size = kCurveBytes[namedCurve];
  if (point[0] === 2 || point[0] === 3) {
    const { ECDH } = require('internal/crypto/diffiehellman');
    try {
      point = ECDH.convertKey(point, kCurves[namedCurve], undefined, undefined, 'uncompressed');
    } catch {
      throw domError('Invalid keyData', 'DataError');
    }
  }
  if (point[0] !== 4 || point.length !== 1 + 2 * size) {
    throw domError('Invalid keyData', 'DataError');
  }
  return { kty: 'EC', crv: namedCurve, x: point.slice(1, 1 + size).toString('base64url'),
           y: point.slice(1 + size).toString('base64url') };
}

function parseAsymmetric(format, keyData, isPrivateJwk) {
  try {
    if (format === 'spki') return createPublicKey({ key: keyData, format: 'der', type: 'spki' });
    if (format === 'pkcs8') return createPrivateKey({ key: keyData, format: 'der', type: 'pkcs8' });
    if (isPrivateJwk) return createPrivateKey({ key: keyData, format: 'jwk' });
    return createPublicKey({ key: keyData, format: 'jwk' });
  } catch (err) {
    throw domError(format === 'jwk' ? 'Invalid JWK data' : 'Invalid keyData', 'DataError');
  }
}

function importAsymmetric(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  const fam = family(name);
  const sets = kUsageSets[name];
  let isPrivate = format === 'pkcs8';
  let jwk;
  if (format === 'jwk') {
    checkJwk(keyData, algorithm, extractable, usages, fam);
    isPrivate = keyData.d !== undefined;
    jwk = keyData;
    // Node 20 compares only the hash an RSA "alg" names ("PS256" and "RS256" both pass).
    if (fam === 'RSA' && keyData.alg !== undefined &&
        jwkAlgHash(keyData.alg) !== algorithm.hash.name) {
      throw domError('JWK "alg" does not match the requested algorithm', 'DataError');
    }
    if (fam === 'EC' && keyData.crv !== algorithm.namedCurve) {
      throw domError('JWK "crv" does not match the requested algorithm', 'DataError');
    }
    if (fam === 'OKP' && keyData.crv !== name) {
      throw domError('JWK "crv" Parameter and algorithm name mismatch', 'DataError');
    }
  } else if (format === 'raw') {
    if (fam === 'RSA') {
      throw domError(`Unable to import ${name} key with format raw`, 'NotSupportedError');
    }
    if (fam === 'EC') {
      if (kCurves[algorithm.namedCurve] === undefined) {
        throw domError('Unrecognized namedCurve', 'NotSupportedError');
      }
      jwk = ecRawToJwk(keyData, algorithm.namedCurve);
    } else {
      jwk = { kty: 'OKP', crv: name,
              x: Buffer.from(keyData.buffer ?? keyData, keyData.byteOffset ?? 0,
                             keyData.byteLength).toString('base64url') };
    }
    format = 'jwk';
    keyData = jwk;
  } else if (format !== 'spki' && format !== 'pkcs8') {
    throw domError(`Unable to import ${name} key with format ${format}`, 'NotSupportedError');
  }
  checkUsages(name, usages, isPrivate ? sets[1] : sets[0]);
  if (fam === 'EC' && kCurves[algorithm.namedCurve] === undefined) {
    throw domError('Unrecognized namedCurve', 'NotSupportedError');
  }
  const keyObject = parseAsymmetric(format, keyData, isPrivate);
  const type = keyObject.asymmetricKeyType;
  if (fam === 'RSA' && type !== 'rsa') throw domError('Invalid key type', 'DataError');
  if (fam === 'EC') {
    if (type !== 'ec') throw domError('Invalid key type', 'DataError');
    if (keyObject.asymmetricKeyDetails.namedCurve !== kCurves[algorithm.namedCurve]) {
      throw domError('Named curve mismatch', 'DataError');
    }
  }
  if (fam === 'OKP' && type !== okpType(name)) throw domError('Invalid key type', 'DataError');
  if (isPrivate && usages.length === 0) {
    throw domError('Usages cannot be empty when importing a private key.', 'SyntaxError');
  }
  return newCryptoKey(keyObject, keyAlgorithm(algorithm, keyObject), usages, extractable);
}

async function importKey(format, keyData, algorithm, extractable, usages) {
  const fam = family(algorithm.name);
  if (fam === 'AES' || fam === 'HMAC' || fam === 'HKDF' || fam === 'PBKDF2') {
    return importSecret(format, keyData, algorithm, extractable, usages);
  }
  return importAsymmetric(format, keyData, algorithm, extractable, usages);
}

async function exportKey(format, key) {
  // Node 20 spells this name 'InvalidAccessException' (sic).
  if (!key.extractable) throw domError('key is not extractable', 'InvalidAccessException');
  const keyObject = key[kKeyObject];
  const { name } = key.algorithm;
  const fam = family(name);
  const fail = () => {
    throw domError(`Unable to export a ${format} ${name} ${key.type} key`, 'InvalidAccessError');
  };
  switch (format) {
    case 'raw':
      if (key.type === 'secret') return toArrayBuffer(keyObject.export());
      if (key.type !== 'public' || fam === 'RSA') fail();
      {
        const jwk = keyObject.export({ format: 'jwk' });
        const parts = fam === 'EC' ? [Buffer.from([4]), Buffer.from(jwk.x, 'base64url'),
          Buffer.from(jwk.y, 'base64url')] : [Buffer.from(jwk.x, 'base64url')];
        return toArrayBuffer(Buffer.concat(parts));
      }
    case 'spki':
      if (key.type !== 'public') fail();
      return toArrayBuffer(keyObject.export({ format: 'der', type: 'spki' }));
    case 'pkcs8':
      if (key.type !== 'private') fail();
      return toArrayBuffer(keyObject.export({ format: 'der', type: 'pkcs8' }));
    case 'jwk': {
      const jwk = { key_ops: key.usages.slice(), ext: key.extractable,
                    ...keyObject.export({ format: 'jwk' }) };
      const alg = jwkAlg(key.algorithm, key.algorithm.length);
      if (alg !== undefined) jwk.alg = alg;
      if (fam === 'EC') jwk.crv = key.algorithm.namedCurve;
      return jwk;
    }
    default:
      throw domError('Export format is unsupported', 'NotSupportedError');
  }
}

module.exports = { generateKey, importKey, exportKey, toUsages, kCurves };
