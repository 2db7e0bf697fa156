// Percent-encoding and -decoding as the WHATWG URL Standard defines them, over UTF-8
// bytes. Every byte >= 0x80 belongs to every encode set, so encoding the UTF-8 bytes of a
// code point one by one is the standard's "UTF-8 percent-encode".
#ifndef SKUA_BASE_URL_PERCENT_ENCODE_H_
#define SKUA_BASE_URL_PERCENT_ENCODE_H_

#include <array>
#include <string>
#include <string_view>

namespace skua::url {

// The standard's percent-encode sets, each a superset of the one before it except
// kSpecialQuery (query plus ').
enum class EncodeSet {
  kC0Control,
  kFragment,
  kQuery,
  kSpecialQuery,
  kPath,
  kUserinfo,
  kComponent,
  kFormUrlencoded,
};

namespace internal {

using EncodeTable = std::array<bool, 256>;

constexpr EncodeTable MakeEncodeTable(EncodeSet set) {
  EncodeTable t{};
  for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c > 0x7e;
  auto add = [&t](std::string_view chars) {
    for (char c : chars) t[static_cast<unsigned char>(c)] = true;
  };
  int level = static_cast<int>(set);
  if (set == EncodeSet::kFragment) add(" \"<>`");
  if (level >= static_cast<int>(EncodeSet::kQuery)) add(" \"#<>");
  if (set == EncodeSet::kSpecialQuery) add("'");
  if (level >= static_cast<int>(EncodeSet::kPath)) add("?`{}");
  if (level >= static_cast<int>(EncodeSet::kUserinfo)) add("/:;=@[\\]^|");
  if (level >= static_cast<int>(EncodeSet::kComponent)) add("$%&+,");
  if (level >= static_cast<int>(EncodeSet::kFormUrlencoded)) add("!'()~");
  return t;
}

inline constexpr std::array<EncodeTable, 8> kEncodeTables = {
    MakeEncodeTable(EncodeSet::kC0Control), MakeEncodeTable(EncodeSet::kFragment),
    MakeEncodeTable(EncodeSet::kQuery),     MakeEncodeTable(EncodeSet::kSpecialQuery),
    MakeEncodeTable(EncodeSet::kPath),      MakeEncodeTable(EncodeSet::kUserinfo),
    MakeEncodeTable(EncodeSet::kComponent), MakeEncodeTable(EncodeSet::kFormUrlencoded),
};

}  // namespace internal

// True if `byte` must be percent-encoded in `set`.
inline bool InEncodeSet(unsigned char byte, EncodeSet set) {
  return internal::kEncodeTables[static_cast<int>(set)][byte];
}

// Appends one byte, percent-encoded if it is in `set`.
inline void AppendEncodedByte(unsigned char byte, EncodeSet set, std::string& out) {
  if (!InEncodeSet(byte, set)) {
    out.push_back(static_cast<char>(byte));
    return;
  }
  constexpr char kHex[] = "0123456789ABCDEF";
  char escaped[3] = {'%', kHex[byte >> 4], kHex[byte & 15]};
  out.append(escaped, 3);
}

// Appends `input` to `out`, percent-encoding the bytes in `set`. With
// `space_as_plus`, a space becomes '+' (application/x-www-form-urlencoded).
void AppendPercentEncoded(std::string_view input, EncodeSet set, std::string& out,
                          bool space_as_plus = false);

inline std::string PercentEncode(std::string_view input, EncodeSet set,
                                 bool space_as_plus = false) {
  std::string out;
  AppendPercentEncoded(input, set, out, space_as_plus);
  return out;
}

// Percent-decodes bytes: "%XX" with two hex digits becomes that byte, anything else is
// kept as is. The result may be invalid UTF-8.
std::string PercentDecode(std::string_view input);

// True if `c` is an ASCII hex digit; its value is HexValue(c).
inline bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
inline int HexValue(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

}  // namespace skua::url

#endif  // SKUA_BASE_URL_PERCENT_ENCODE_H_
