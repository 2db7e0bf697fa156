// Percent-encoding of whole strings; the set tables live in the header.
#include "base/url/percent_encode.h"

namespace skua::url {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

}  // namespace

void AppendPercentEncoded(std::string_view input, EncodeSet set, std::string& out,
                          bool space_as_plus) {
  const internal::EncodeTable& table = internal::kEncodeTables[static_cast<int>(set)];
  size_t run_start = 0;
  for (size_t i = 0; i < input.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (!table[c] && !(space_as_plus && c == ' ')) continue;
    out.append(input.data() + run_start, i - run_start);
    run_start = i + 1;
    if (space_as_plus && c == ' ') {
      out.push_back('+');
      continue;
    }
    out.push_back('%');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  out.append(input.data() + run_start, input.size() - run_start);
}

std::string PercentDecode(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '%' && i + 2 < input.size() && IsHexDigit(input[i + 1]) &&
        IsHexDigit(input[i + 2])) {
      out.push_back(static_cast<char>(HexValue(input[i + 1]) * 16 + HexValue(input[i + 2])));
      i += 2;
    } else {
      out.push_back(input[i]);
    }
  }
  return out;
}

}  // namespace skua::url
