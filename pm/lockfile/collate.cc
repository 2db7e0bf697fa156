// An ASCII model of ICU's root collation with non-ignorable punctuation (what Node's
// `localeCompare(_, 'en')` uses): a primary pass over base weights, then a tertiary pass
// where lowercase precedes uppercase.
#include "pm/lockfile/collate.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace skua::pm::lockfile {

namespace {

// Printable ASCII in ICU's primary order, as measured with Node 20:
// [...' '..'~'].sort((a, b) => a.localeCompare(b, 'en')). Letters pair up (a A) and share
// one primary weight.
constexpr std::string_view kOrder =
    " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789"
    "aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";

struct Weights {
  std::array<uint16_t, 128> primary{};
  std::array<uint8_t, 128> tertiary{};
};

Weights MakeWeights() {
  Weights w;
  uint16_t next = 1;
  for (size_t i = 0; i < kOrder.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(kOrder[i]);
    bool upper = c >= 'A' && c <= 'Z';
    if (upper) {
      w.primary[c] = w.primary[c - 'A' + 'a'];
      w.tertiary[c] = 1;
    } else {
      w.primary[c] = next++;
    }
  }
  // Tab, newline and the other controls stay 0: ignorable.
  return w;
}

const Weights& Table() {
  static const Weights weights = MakeWeights();
  return weights;
}

// Decodes one UTF-8 sequence; malformed bytes stand for themselves.
uint32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (extra == 0 || *i + extra >= s.size()) {
    ++*i;
    return c;
  }
  uint32_t cp = c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += extra + 1;
  return cp;
}

struct Key {
  std::vector<uint32_t> primary;
  std::vector<uint8_t> tertiary;
};

Key MakeKey(std::string_view s) {
  const Weights& w = Table();
  Key key;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = NextCodePoint(s, &i);
    if (cp < 128) {
      if (w.primary[cp] == 0) continue;
      key.primary.push_back(w.primary[cp]);
      key.tertiary.push_back(w.tertiary[cp]);
    } else {
      key.primary.push_back(0x10000 + cp);
      key.tertiary.push_back(0);
    }
  }
  return key;
}

template <typename T>
int CompareSeq(const std::vector<T>& a, const std::vector<T>& b) {
  size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace

int LocaleCompare(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  Key ka = MakeKey(a);
  Key kb = MakeKey(b);
  if (int c = CompareSeq(ka.primary, kb.primary)) return c;
  return CompareSeq(ka.tertiary, kb.tertiary);
}

}  // namespace skua::pm::lockfile
