'use strict';
// crypto.Certificate: SPKAC helpers, callable as statics or on an instance (the
// instance form is legacy), with or without `new`.

const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
const { binding, bufferFrom, getArrayBufferOrView } = require('internal/crypto/util');

const kMaxInt32 = 2 ** 31 - 1;

function spkacBytes(spkac, encoding) {
  spkac = getArrayBufferOrView(spkac, 'spkac', encoding);
  if (spkac.byteLength > kMaxInt32) {
    throw new ERR_OUT_OF_RANGE('spkac', '<= 2**31 - 1', spkac.byteLength);
  }
  return spkac;
}

function verifySpkac(spkac, encoding) {
  spkac = spkacBytes(spkac, encoding);
  // Node 20 answers '' (not false) for empty input.
  if (spkac.byteLength === 0) return '';
  return binding.certVerifySpkac(spkac);
}

// An empty string when the SPKAC cannot be decoded, as in Node.
function exportPublicKey(spkac, encoding) {
  const out = binding.certExportPublicKey(spkacBytes(spkac, encoding));
  return out === undefined ? '' : bufferFrom(out);
}

function exportChallenge(spkac, encoding) {
  const out = binding.certExportChallenge(spkacBytes(spkac, encoding));
  return out === undefined ? '' : bufferFrom(out);
}

function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}

Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;
Certificate.verifySpkac = verifySpkac;
Certificate.exportPublicKey = exportPublicKey;
Certificate.exportChallenge = exportChallenge;

module.exports = { Certificate };
