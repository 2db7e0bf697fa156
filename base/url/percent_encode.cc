// Percent-encode sets as 256-bit tables built once at compile time.
#include "base/url/percent_encode.h"

#include <array>
#include <cstdint>

namespace skua::url {

namespace {

using Table = std::array<bool, 256>;

constexpr Table MakeTable(EncodeSet set) {
  Table t{};
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

constexpr std::array<Table, 8> kTables = {
    MakeTable(EncodeSet::kC0Control), MakeTable(EncodeSet::kFragment),
    MakeTable(EncodeSet::kQuery),     MakeTable(EncodeSet::kSpecialQuery),
    MakeTable(EncodeSet::kPath),      MakeTable(EncodeSet::kUserinfo),
    MakeTable(EncodeSet::kComponent), MakeTable(EncodeSet::kFormUrlencoded),
};

constexpr char kHex[] = "0123456789ABCDEF";

}  // namespace

bool InEncodeSet(unsigned char byte, EncodeSet set) {
  return kTables[static_cast<int>(set)][byte];
}

void AppendPercentEncoded(std::string_view input, EncodeSet set, std::string& out,
                          bool space_as_plus) {
  const Table& table = kTables[static_cast<int>(set)];
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
