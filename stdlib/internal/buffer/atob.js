'use strict';
// The web's atob/btoa (HTML's "forgiving base64"), with Node 20's errors: a
// DOMException named InvalidCharacterError, and ERR_MISSING_ARGS when called bare.

const { ERR_MISSING_ARGS } = require('internal/errors').codes;
const { DOMException } = require('internal/per_context/domexception');
const { FastBuffer } = require('internal/buffer/fast_buffer');
const binding = internalBinding('buffer');
const { kBase64, kLatin1 } = require('internal/buffer/encodings');

function invalidCharacter(message) {
  return new DOMException(message, 'InvalidCharacterError');
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) throw invalidCharacter('Invalid character');
  }
  const bytes = new FastBuffer(binding.fromString(input, kLatin1));
  return binding.decode(bytes, 0, bytes.length, kBase64);
}

// Character classes for atob: 1 = ASCII whitespace (skipped), 2 = base64 alphabet.
const kWhitespace = 1;
const kAlphabet = 2;
const charClass = new Uint8Array(128);
for (const c of '\t\n\f\r ') charClass[c.charCodeAt(0)] = kWhitespace;
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  charClass[c.charCodeAt(0)] = kAlphabet;
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let significant = 0;  // Characters other than whitespace, '=' included.
  let equals = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code === 0x3d) {  // '=' may only end the input, at most twice.
      equals++;
      significant++;
      if (equals > 2) throw invalidCharacter('Invalid character');
      continue;
    }
    const kind = code < 128 ? charClass[code] : 0;
    if (kind === kWhitespace) continue;
    if (kind !== kAlphabet || equals > 0) throw invalidCharacter('Invalid character');
    significant++;
  }
  let remainder = significant % 4;
  if (remainder === 0) {
    remainder = (significant - equals) % 4;
  } else if (equals > 0) {
    // Padding is only allowed when it completes a group of four.
    throw invalidCharacter('Invalid character');
  }
  if (remainder === 1) {
    throw invalidCharacter('The string to be decoded is not correctly encoded.');
  }
  const bytes = new FastBuffer(binding.fromString(input, kBase64));
  return binding.decode(bytes, 0, bytes.length, kLatin1);
}

module.exports = { atob, btoa };
