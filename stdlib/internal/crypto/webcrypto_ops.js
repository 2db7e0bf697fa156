'use strict';
// SubtleCrypto's operations on keys: encrypt/decrypt (RSA-OAEP, AES-CTR/CBC/GCM/KW),
// sign/verify (RSASSA-PKCS1-v1_5, RSA-PSS, ECDSA, Ed25519/Ed448, HMAC) and deriveBits
// (ECDH, X25519/X448, HKDF, PBKDF2). Signing, key agreement and KDFs run on the thread pool
// through the callback forms of node:crypto.
// Differs from Node 20: AES and RSA-OAEP run on the loop thread (they are short, and the
// cipher binding has no job form).

const { Buffer } = require('buffer');
const { kKeyObject } = require('internal/crypto/util');
const { domError, hashName, toArrayBuffer, callbackPromise } =
  require('internal/crypto/webcrypto_util');

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;
const RSA_PKCS1_PSS_PADDING = 6;
const kGcmTagLengths = [32, 64, 96, 104, 112, 120, 128];
const kOperationFailed = 'The operation failed for an operation-specific reason';

function aesCipherName(name, bits) {
  if (name === 'AES-KW') return `id-aes${bits}-wrap`;
  return `aes-${bits}-${name.slice(4).toLowerCase()}`;
}

function runCipher(cipherName, key, iv, data, decrypt, options, setup) {
  const crypto = require('crypto');
  const make = decrypt ? crypto.createDecipheriv : crypto.createCipheriv;
  const cipher = make(cipherName, key, iv, options);
  if (setup) setup(cipher);
  try {
    return Buffer.concat([cipher.update(data), cipher.final()]);
  } catch {
    throw domError(kOperationFailed, 'OperationError');
  }
}

// AES-CTR whose counter is only the low `length` bits of the block: split the input where
// that part wraps to zero, as the spec requires (OpenSSL increments all 128 bits).
function aesCtr(cipherName, key, counter, length, data, decrypt) {
  if (counter.byteLength !== 16) {
    throw domError('algorithm.counter must contain exactly 16 bytes', 'OperationError');
  }
  if (length === 0 || length > 128) {
    throw domError('algorithm.length must be between 1 and 128', 'OperationError');
  }
  const blocks = Math.ceil(data.byteLength / 16);
  let low = 0n;
  const value = BigInt(`0x${Buffer.from(counter).toString('hex')}`);
  const mask = (1n << BigInt(length)) - 1n;
  low = value & mask;
  const room = mask - low + 1n;
  if (BigInt(blocks) > mask + 1n) throw domError('Counter wrapped', 'OperationError');
  if (BigInt(blocks) <= room) return runCipher(cipherName, key, counter, data, decrypt);
  const split = Number(room) * 16;
  const wrapped = value & ~mask;
  const hex = wrapped.toString(16).padStart(32, '0');
  const first = runCipher(cipherName, key, counter, data.subarray(0, split), decrypt);
  const rest = runCipher(cipherName, key, Buffer.from(hex, 'hex'), data.subarray(split), decrypt);
  return Buffer.concat([first, rest]);
}

function aesCipher(algorithm, key, data, decrypt) {
  const secret = key[kKeyObject].export();
  const cipherName = aesCipherName(algorithm.name, secret.length * 8);
  data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  switch (algorithm.name) {
    case 'AES-CBC':
      if (algorithm.iv.byteLength !== 16) {
        throw domError('algorithm.iv must contain exactly 16 bytes', 'OperationError');
      }
      return runCipher(cipherName, secret, algorithm.iv, data, decrypt);
    case 'AES-CTR':
      return aesCtr(cipherName, secret, algorithm.counter, algorithm.length, data, decrypt);
    case 'AES-KW':
      if (data.byteLength % 8 !== 0) {
        throw domError('The data length must be a multiple of 8 bytes', 'OperationError');
      }
      return runCipher(cipherName, secret, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'), data,
                       decrypt);
    case 'AES-GCM': {
      const tagLength = algorithm.tagLength ?? 128;
      if (!kGcmTagLengths.includes(tagLength)) {
        throw domError(`${tagLength} is not a valid AES-GCM tag length`, 'OperationError');
      }
      if (algorithm.iv.byteLength === 0) {
        throw domError('algorithm.iv must contain at least one byte', 'OperationError');
      }
      const tagBytes = tagLength / 8;
      const aad = algorithm.additionalData;
      if (!decrypt) {
        const crypto = require('crypto');
        const cipher = crypto.createCipheriv(cipherName, secret, algorithm.iv,
                                             { authTagLength: tagBytes });
        if (aad !== undefined) cipher.setAAD(aad);
        const out = Buffer.concat([cipher.update(data), cipher.final()]);
        return Buffer.concat([out, cipher.getAuthTag()]);
      }
      if (data.byteLength < tagBytes) {
        throw domError('The provided data is too small.', 'OperationError');
      }
      const body = data.subarray(0, data.byteLength - tagBytes);
      const tag = data.subarray(data.byteLength - tagBytes);
      return runCipher(cipherName, secret, algorithm.iv, body, true,
                       { authTagLength: tagBytes }, (c) => {
                         c.setAuthTag(tag);
                         if (aad !== undefined) c.setAAD(aad);
                       });
    }
  }
}

function rsaOaep(algorithm, key, data, decrypt) {
  const crypto = require('crypto');
  const options = {
    key: key[kKeyObject],
    padding: RSA_PKCS1_OAEP_PADDING,
    oaepHash: hashName(key.algorithm.hash),
  };
  if (algorithm.label !== undefined && algorithm.label.byteLength > 0) {
    options.oaepLabel = algorithm.label;
  }
  try {
    return decrypt ? crypto.privateDecrypt(options, data) : crypto.publicEncrypt(options, data);
  } catch {
    throw domError(kOperationFailed, 'OperationError');
  }
}

// encrypt/decrypt/wrapKey/unwrapKey after the usage checks: an ArrayBuffer.
async function cipher(algorithm, key, data, decrypt) {
  if (algorithm.name === 'RSA-OAEP') {
    if (key.type !== (decrypt ? 'private' : 'public')) {
      throw domError('The requested operation is not valid for the provided key',
                     'InvalidAccessError');
    }
    return toArrayBuffer(rsaOaep(algorithm, key, data, decrypt));
  }
  return toArrayBuffer(aesCipher(algorithm, key, data, decrypt));
}

function signOptions(algorithm, key) {
  const keyObject = key[kKeyObject];
  switch (algorithm.name) {
    case 'RSASSA-PKCS1-v1_5':
      return [hashName(key.algorithm.hash), { key: keyObject, padding: RSA_PKCS1_PADDING }];
    case 'RSA-PSS':
      return [hashName(key.algorithm.hash), {
        key: keyObject, padding: RSA_PKCS1_PSS_PADDING, saltLength: algorithm.saltLength,
      }];
    case 'ECDSA':
      return [hashName(algorithm.hash), { key: keyObject, dsaEncoding: 'ieee-p1363' }];
    default:
      if (algorithm.name === 'Ed448' && algorithm.context?.byteLength) {
        throw domError('Non zero-length context is not yet supported', 'NotSupportedError');
      }
      return [null, keyObject];
  }
}

// sign (signature === undefined) or verify after the usage checks.
async function signVerify(algorithm, key, data, signature) {
  const crypto = require('crypto');
  if (algorithm.name === 'HMAC') {
    const mac = crypto.createHmac(hashName(key.algorithm.hash), key[kKeyObject]).update(data)
      .digest();
    if (signature === undefined) return toArrayBuffer(mac);
    return signature.byteLength === mac.length &&
      crypto.timingSafeEqual(mac, Buffer.from(signature));
  }
  const [digest, options] = signOptions(algorithm, key);
  if (signature === undefined) {
    const [sig] = await callbackPromise(crypto.sign, digest, data, options)
      .catch(() => { throw domError(kOperationFailed, 'OperationError'); });
    return toArrayBuffer(sig);
  }
  try {
    const [ok] = await callbackPromise(crypto.verify, digest, data, options, signature);
    return ok;
  } catch {
    return false;
  }
}

function truncateBits(buf, length) {
  if (length === undefined || length === null) return toArrayBuffer(buf);
  // (Node 20's wording for a length beyond the secret.)
  if (length > buf.length * 8) {
    throw domError('derived bit length is too small', 'OperationError');
  }
  // Differs from the Web Crypto spec, as Node 20 does: the last partial byte is not masked.
  return toArrayBuffer(Buffer.from(buf.subarray(0, Math.ceil(length / 8))));
}

function checkKdfLength(length) {
  if (length === undefined || length === null) {
    throw domError('length cannot be null', 'OperationError');
  }
  if (length % 8) throw domError('length must be a multiple of 8', 'OperationError');
}

async function deriveBits(algorithm, baseKey, length) {
  const crypto = require('crypto');
  switch (algorithm.name) {
    case 'ECDH': case 'X25519': case 'X448': {
      const pub = algorithm.public;
      if (!['ECDH', 'X25519', 'X448'].includes(pub.algorithm.name)) {
        throw domError('Keys must be ECDH, X25519, or X448 keys', 'InvalidAccessError');
      }
      if (pub.algorithm.name !== baseKey.algorithm.name) {
        throw domError('The public and private keys must be of the same type',
                       'InvalidAccessError');
      }
      if (pub.type !== 'public') {
        throw domError('algorithm.public must be a public key', 'InvalidAccessError');
      }
      if (baseKey.type !== 'private') {
        throw domError('baseKey must be a private key', 'InvalidAccessError');
      }
      if (pub.algorithm.namedCurve !== baseKey.algorithm.namedCurve) {
        throw domError('Named curve mismatch', 'InvalidAccessError');
      }
      let secret;
      try {
        secret = crypto.diffieHellman({ privateKey: baseKey[kKeyObject],
                                        publicKey: pub[kKeyObject] });
      } catch {
        throw domError(kOperationFailed, 'OperationError');
      }
      return truncateBits(secret, length);
    }
    case 'HKDF': {
      checkKdfLength(length);
      const [bits] = await callbackPromise(crypto.hkdf, hashName(algorithm.hash),
                                           baseKey[kKeyObject], algorithm.salt,
                                           algorithm.info, length / 8)
        .catch((err) => { throw domError(err.message, 'OperationError'); });
      return bits;
    }
    case 'PBKDF2': {
      checkKdfLength(length);
      if (algorithm.iterations === 0) {
        throw domError('iterations cannot be zero', 'OperationError');
      }
      const [bits] = await callbackPromise(crypto.pbkdf2, baseKey[kKeyObject].export(),
                                           algorithm.salt, algorithm.iterations, length / 8,
                                           hashName(algorithm.hash))
        .catch((err) => { throw domError(err.message, 'OperationError'); });
      return toArrayBuffer(bits);
    }
  }
  throw domError('Unrecognized algorithm name', 'NotSupportedError');
}

module.exports = { cipher, signVerify, deriveBits };
