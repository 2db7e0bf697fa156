// An ASCII model of ICU's root collation with non-ignorable punctuation (what Node's
// `localeCompare(_, 'en')` uses): a primary pass over base weights, then a tertiary pass
// where lowercase precedes uppercase.
#include "pm/lockfile/collate.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

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

// The next non-ignorable collation element of `s` at or after `*i`: its primary and
// tertiary weights. False at the end of the string.
bool NextElement(const Weights& w, std::string_view s, size_t* i, uint32_t* primary, uint8_t* tertiary) {
  while (*i < s.size()) {
    uint32_t cp = NextCodePoint(s, i);
    if (cp < 128) {
      if (w.primary[cp] == 0) continue;
      *primary = w.primary[cp];
      *tertiary = w.tertiary[cp];
    } else {
      *primary = 0x10000 + cp;
      *tertiary = 0;
    }
    return true;
  }
  return false;
}

// One pass over both strings' element sequences, comparing primary (or tertiary)
// weights position by position; a proper prefix sorts first. No allocation: this runs
// inside every sort of locations and names.
int ComparePass(std::string_view a, std::string_view b, bool tertiary_pass) {
  const Weights& w = Table();
  size_t i = 0, j = 0;
  while (true) {
    uint32_t pa = 0, pb = 0;
    uint8_t ta = 0, tb = 0;
    bool ha = NextElement(w, a, &i, &pa, &ta);
    bool hb = NextElement(w, b, &j, &pb, &tb);
    if (!ha || !hb) return ha == hb ? 0 : (ha ? 1 : -1);
    uint32_t x = tertiary_pass ? ta : pa, y = tertiary_pass ? tb : pb;
    if (x != y) return x < y ? -1 : 1;
  }
}

}  // namespace

int LocaleCompare(std::string_view a, std::string_view b) {
  // A common prefix ("node_modules/@babel/...") weighs the same in both passes, as long
  // as no UTF-8 sequence (even a malformed one, which NextCodePoint reads up to 3 bytes
  // past its lead) crosses its end: compared 8 bytes at a time, then cut back until its
  // last 3 bytes are ASCII.
  size_t n = std::min(a.size(), b.size()), k = 0;
  for (uint64_t x, y; k + 8 <= n; k += 8) {
    std::memcpy(&x, a.data() + k, 8);
    std::memcpy(&y, b.data() + k, 8);
    if (x != y) break;
  }
  while (k < n && a[k] == b[k]) ++k;
  auto high = [&](size_t i) { return static_cast<unsigned char>(a[i]) >= 0x80; };
  while (k > 0 && (high(k - 1) || (k >= 2 && high(k - 2)) || (k >= 3 && high(k - 3)))) --k;
  a.remove_prefix(k);
  b.remove_prefix(k);
  if (a.empty() && b.empty()) return 0;
  // Usually the first differing characters decide: two ASCII characters with different
  // primary weights (not a case pair, neither ignorable).
  if (!a.empty() && !b.empty()) {
    unsigned char x = static_cast<unsigned char>(a[0]), y = static_cast<unsigned char>(b[0]);
    if (x < 0x80 && y < 0x80) {
      uint16_t px = Table().primary[x], py = Table().primary[y];
      if (px != 0 && py != 0 && px != py) return px < py ? -1 : 1;
    }
  }
  if (int c = ComparePass(a, b, false)) return c;
  return ComparePass(a, b, true);
}

}  // namespace skua::pm::lockfile
