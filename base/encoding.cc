// Table-driven codecs; the decoders have a fast loop for the common all-valid input and
// fall back to character-at-a-time work only where the input needs it.
#include "base/encoding.h"

#include <array>
#include <cstring>

namespace skua::encoding {

namespace {

constexpr char kStandardChars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrlChars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr uint8_t kInvalid = 0xff;

// Both alphabets decode in either mode, as in Node.
constexpr std::array<uint8_t, 256> kBase64Values = [] {
  std::array<uint8_t, 256> table{};
  for (auto& v : table) v = kInvalid;
  for (uint8_t i = 0; i < 64; i++) {
    table[static_cast<uint8_t>(kStandardChars[i])] = i;
    table[static_cast<uint8_t>(kUrlChars[i])] = i;
  }
  return table;
}();

constexpr std::array<uint8_t, 256> kHexValues = [] {
  std::array<uint8_t, 256> table{};
  for (auto& v : table) v = kInvalid;
  for (uint8_t i = 0; i < 10; i++) table['0' + i] = i;
  for (uint8_t i = 0; i < 6; i++) table['a' + i] = table['A' + i] = 10 + i;
  return table;
}();

// Two-byte units are truncated to their low byte (Node 20's behaviour, see the header).
template <typename Unit>
inline uint8_t LowByte(Unit unit) {
  return static_cast<uint8_t>(unit);
}

}  // namespace

size_t Base64EncodedSize(size_t byte_count, Base64Alphabet alphabet) {
  if (alphabet == Base64Alphabet::kStandard) return (byte_count + 2) / 3 * 4;
  return byte_count / 3 * 4 + (byte_count % 3 == 0 ? 0 : byte_count % 3 + 1);
}

// Two output characters per 12 input bits: half the table lookups of one per 6 bits.
template <const char* kChars>
constexpr std::array<uint16_t, 4096> MakePairTable() {
  std::array<uint16_t, 4096> table{};
  for (int i = 0; i < 4096; i++) {
    // Little-endian: the first character goes in the low byte.
    table[i] = static_cast<uint16_t>(static_cast<uint8_t>(kChars[i >> 6]) |
                                     static_cast<uint8_t>(kChars[i & 63]) << 8);
  }
  return table;
}
constexpr std::array<uint16_t, 4096> kStandardPairs = MakePairTable<kStandardChars>();
constexpr std::array<uint16_t, 4096> kUrlPairs = MakePairTable<kUrlChars>();

size_t Base64Encode(const uint8_t* src, size_t n, char* dst, Base64Alphabet alphabet) {
  const char* chars = alphabet == Base64Alphabet::kStandard ? kStandardChars : kUrlChars;
  const uint16_t* pairs =
      alphabet == Base64Alphabet::kStandard ? kStandardPairs.data() : kUrlPairs.data();
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
  size_t i = 0;
  size_t k = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t v = src[i] << 16 | src[i + 1] << 8 | src[i + 2];
    uint32_t out = pairs[v >> 12] | static_cast<uint32_t>(pairs[v & 4095]) << 16;
    std::memcpy(dst + k, &out, 4);
    k += 4;
  }
  size_t rest = n - i;
  if (rest == 0) return k;
  uint32_t v = src[i] << 16 | (rest == 2 ? src[i + 1] << 8 : 0);
  dst[k++] = chars[v >> 18];
  dst[k++] = chars[(v >> 12) & 63];
  if (rest == 2) dst[k++] = chars[(v >> 6) & 63];
  if (alphabet == Base64Alphabet::kStandard) {
    if (rest == 1) dst[k++] = '=';
    dst[k++] = '=';
  }
  return k;
}

// TODO(perf): Node 20 decodes and encodes base64 with simdutf's SIMD kernels, several
// times faster than these scalar loops on large inputs (see tools/bench/buffer).
template <typename Unit>
size_t Base64Decode(const Unit* src, size_t n, uint8_t* dst, size_t dst_len) {
  size_t i = 0;
  size_t k = 0;
  for (;;) {
    // Fast loop: groups of four valid characters.
    while (i + 4 <= n && k + 3 <= dst_len) {
      uint8_t a = kBase64Values[LowByte(src[i])];
      uint8_t b = kBase64Values[LowByte(src[i + 1])];
      uint8_t c = kBase64Values[LowByte(src[i + 2])];
      uint8_t d = kBase64Values[LowByte(src[i + 3])];
      if ((a | b | c | d) & 0xc0) break;  // kInvalid has the top bits set.
      uint32_t v = a << 18 | b << 12 | c << 6 | d;
      dst[k] = static_cast<uint8_t>(v >> 16);
      dst[k + 1] = static_cast<uint8_t>(v >> 8);
      dst[k + 2] = static_cast<uint8_t>(v);
      i += 4;
      k += 3;
    }
    // Slow step: gather one group, skipping invalid characters; '=' or the end of the
    // input finishes decoding.
    uint32_t acc = 0;
    int have = 0;
    bool done = false;
    while (have < 4) {
      if (i >= n) {
        done = true;
        break;
      }
      uint8_t unit = LowByte(src[i++]);
      if (unit == '=') {
        done = true;
        break;
      }
      uint8_t v = kBase64Values[unit];
      if (v == kInvalid) continue;
      acc = acc << 6 | v;
      have++;
    }
    // A group of n characters carries (6n / 8) whole bytes, left-aligned in `acc`.
    int bytes = have == 4 ? 3 : have == 3 ? 2 : have == 2 ? 1 : 0;
    acc <<= 6 * (4 - have);
    for (int b = 0; b < bytes; b++) {
      if (k >= dst_len) return k;
      dst[k++] = static_cast<uint8_t>(acc >> (16 - 8 * b));
    }
    if (done || k >= dst_len) return k;
  }
}

void HexEncode(const uint8_t* src, size_t n, char* dst) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < n; i++) {
    dst[2 * i] = kDigits[src[i] >> 4];
    dst[2 * i + 1] = kDigits[src[i] & 15];
  }
}

template <typename Unit>
size_t HexDecode(const Unit* src, size_t n, uint8_t* dst, size_t dst_len) {
  size_t k = 0;
  for (size_t i = 0; i + 1 < n && k < dst_len; i += 2) {
    uint8_t hi = kHexValues[LowByte(src[i])];
    uint8_t lo = kHexValues[LowByte(src[i + 1])];
    if (hi == kInvalid || lo == kInvalid) break;
    dst[k++] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return k;
}

bool IsAscii(const uint8_t* data, size_t n) {
  size_t i = 0;
  // Eight bytes at a time; memcpy keeps the load free of alignment assumptions.
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < n; i++) {
    if (data[i] & 0x80) return false;
  }
  return true;
}

bool IsUtf8(const uint8_t* data, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n && IsAscii(data + i, 8)) {
      i += 8;
      continue;
    }
    uint8_t lead = data[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Allowed ranges of the second byte follow Table 3-7 of the Unicode standard, which
    // excludes overlongs, surrogates and code points above U+10FFFF.
    size_t len;
    uint8_t lo = 0x80;
    uint8_t hi = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      len = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      len = 3;
      if (lead == 0xe0) lo = 0xa0;
      if (lead == 0xed) hi = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      len = 4;
      if (lead == 0xf0) lo = 0x90;
      if (lead == 0xf4) hi = 0x8f;
    } else {
      return false;
    }
    if (i + len > n) return false;
    if (data[i + 1] < lo || data[i + 1] > hi) return false;
    for (size_t j = 2; j < len; j++) {
      if ((data[i + j] & 0xc0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

template size_t Base64Decode<uint8_t>(const uint8_t*, size_t, uint8_t*, size_t);
template size_t Base64Decode<uint16_t>(const uint16_t*, size_t, uint8_t*, size_t);
template size_t Base64Decode<char>(const char*, size_t, uint8_t*, size_t);
template size_t HexDecode<uint8_t>(const uint8_t*, size_t, uint8_t*, size_t);
template size_t HexDecode<uint16_t>(const uint16_t*, size_t, uint8_t*, size_t);
template size_t HexDecode<char>(const char*, size_t, uint8_t*, size_t);

}  // namespace skua::encoding
