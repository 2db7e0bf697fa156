// Percent-encoding and -decoding as the WHATWG URL Standard defines them, over UTF-8
// bytes. Every byte >= 0x80 belongs to every encode set, so encoding the UTF-8 bytes of a
// code point one by one is the standard's "UTF-8 percent-encode".
#ifndef SKUA_BASE_URL_PERCENT_ENCODE_H_
#define SKUA_BASE_URL_PERCENT_ENCODE_H_

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

// True if `byte` must be percent-encoded in `set`.
bool InEncodeSet(unsigned char byte, EncodeSet set);

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
