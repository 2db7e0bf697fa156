// Byte codecs for Buffer's text encodings (base64, base64url, hex) and byte-sequence
// checks (ASCII, UTF-8), with no dependency on V8 so they can be unit tested alone.
//
// Decoders take either one-byte (Latin-1) or two-byte (UTF-16) code units, the two
// representations a JavaScript string has. Like Node 20, a two-byte unit is truncated to
// its low byte before it is looked up, so U+0141 decodes as 'A' (0x41).
#ifndef SKUA_BASE_ENCODING_H_
#define SKUA_BASE_ENCODING_H_

#include <cstddef>
#include <cstdint>

namespace skua::encoding {

enum class Base64Alphabet { kStandard, kUrl };

// Output size of Base64Encode: padded to a multiple of 4 for kStandard, unpadded for kUrl.
size_t Base64EncodedSize(size_t byte_count, Base64Alphabet alphabet);

// Writes Base64EncodedSize(n, alphabet) characters to `dst`; returns that count.
size_t Base64Encode(const uint8_t* src, size_t n, char* dst, Base64Alphabet alphabet);

// An upper bound for the bytes Base64Decode produces from `n` units, `n` excluding
// trailing '=' (Node's Buffer.byteLength(str, 'base64')).
inline size_t Base64DecodedSizeBound(size_t n) { return (n * 3) >> 2; }

// Decodes forgivingly, as Node 20 does: both alphabets are accepted, characters outside
// them (whitespace, '$', ...) are skipped, the first '=' ends the input, and a trailing
// group of 2 or 3 characters yields 1 or 2 bytes. Writes at most `dst_len` bytes and
// returns the number written.
template <typename Unit>
size_t Base64Decode(const Unit* src, size_t n, uint8_t* dst, size_t dst_len);

// Writes 2 * n lowercase hex digits to `dst`.
void HexEncode(const uint8_t* src, size_t n, char* dst);

// Decodes pairs of hex digits (either case) until the first pair that is not one, or
// until `dst_len` bytes are written; an odd last digit is ignored. Returns bytes written.
template <typename Unit>
size_t HexDecode(const Unit* src, size_t n, uint8_t* dst, size_t dst_len);

// True when every byte is < 0x80.
bool IsAscii(const uint8_t* data, size_t n);

// True when `data` is well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool IsUtf8(const uint8_t* data, size_t n);

}  // namespace skua::encoding

#endif  // SKUA_BASE_ENCODING_H_
