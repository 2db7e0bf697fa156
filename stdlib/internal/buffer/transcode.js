'use strict';
// buffer.transcode() between the encodings ICU converts for Node: utf8, utf16le/ucs2,
// latin1 and ascii, done as decode-to-string then encode. Characters the target cannot
// hold become '?', as ICU's substitution does.
// Differs from Node 20: no ICU, so only these four encodings (Node allows the same set).

const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
const { encodingOps, normalizeEncoding } = require('internal/buffer/encodings');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const { isUint8Array } = require('internal/buffer/util');
const binding = internalBinding('buffer');

const supported = new Set(['utf8', 'utf16le', 'latin1', 'ascii']);

function transcodeError() {
  const error = new Error('Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]');
  error.code = 'U_ILLEGAL_ARGUMENT_ERROR';
  return error;
}

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return new FastBuffer();
  const from = normalizeEncoding(fromEncoding);
  const to = normalizeEncoding(toEncoding);
  if (!supported.has(from) || !supported.has(to)) throw transcodeError();
  let text = binding.decode(source, 0, source.length,
                            encodingOps[from === 'ascii' ? 'latin1' : from].id);
  // ICU reads bytes above 0x7f in ASCII input as unmappable.
  if (from === 'ascii') text = text.replace(/[\u0080-\u00ff]/g, '\ufffd');
  if (to === 'latin1') text = text.replace(/[^\u0000-\u00ff]/gu, '?');
  else if (to === 'ascii') text = text.replace(/[^\u0000-\u007f]/gu, '?');
  return new FastBuffer(binding.fromString(text, encodingOps[to].id));
}

module.exports = { transcode };
