// node-semver's version regular expressions as hand-written scanners. Each function states
// the expression it stands for; where the expression can backtrack, the comment says how
// the scanner reaches the same captures.
#include "pm/semver/grammar.h"

#include <cstdio>
#include <cstdlib>

namespace skua::pm::semver::internal {

namespace {

unsigned char At(std::string_view s, size_t i) { return i < s.size() ? s[i] : 0; }

// The end of the run of identifier characters starting at `pos`.
size_t IdRunEnd(std::string_view s, size_t pos) {
  while (pos < s.size() && IsIdChar(s[pos])) ++pos;
  return pos;
}

size_t DigitRunEnd(std::string_view s, size_t pos, size_t limit) {
  size_t end = pos;
  while (end < s.size() && end - pos < limit && IsDigit(s[end])) ++end;
  return end;
}

// `[v=\s]*`.
size_t SkipLoosePrefix(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    if (s[pos] == 'v' || s[pos] == '=') {
      ++pos;
    } else if (size_t ws = WhitespaceLength(s, pos)) {
      pos += ws;
    } else {
      break;
    }
  }
  return pos;
}

// NUMERICIDENTIFIER `0|[1-9]\d*` (strict) or `\d+` (loose); returns `pos` on no match.
size_t NumberEnd(std::string_view s, size_t pos, bool loose) {
  if (!IsDigit(At(s, pos))) return pos;
  if (!loose && s[pos] == '0') return pos + 1;
  return DigitRunEnd(s, pos, kMaxLength + (loose ? 0 : 1));
}

// A strict prerelease identifier: alphanumeric (has a non-digit), or numeric without a
// leading zero.
bool IsStrictPrereleaseId(std::string_view id) {
  bool numeric = true;
  for (char c : id) numeric = numeric && IsDigit(c);
  return !numeric || id.size() == 1 || id[0] != '0';
}

// `(?:-(PRE(\.PRE)*))?(?:\+(BUILD(\.BUILD)*))?$` (strict) or the loose form with `-?`.
// Every identifier is a maximal run of [0-9A-Za-z-]: a shorter one would leave an
// identifier character where the pattern needs `.`, `+` or the end. In loose mode the
// optional hyphen is a separator unless nothing follows it, in which case the regex
// backtracks and the hyphen itself becomes the first identifier ("1.2.3-" is "1.2.3--").
bool MatchTail(std::string_view s, size_t pos, bool loose, Captures* out) {
  size_t start = std::string_view::npos;
  if (loose) {
    if (At(s, pos) == '-' && IsIdChar(At(s, pos + 1))) {
      start = pos + 1;
    } else if (IsIdChar(At(s, pos))) {
      start = pos;
    }
  } else if (At(s, pos) == '-') {
    start = pos + 1;
  }
  if (start != std::string_view::npos) {
    size_t end = IdRunEnd(s, start);
    if (end == start) return false;
    if (!loose && !IsStrictPrereleaseId(s.substr(start, end - start))) return false;
    while (At(s, end) == '.') {
      size_t next = IdRunEnd(s, end + 1);
      if (next == end + 1) return false;
      if (!loose && !IsStrictPrereleaseId(s.substr(end + 1, next - end - 1))) return false;
      end = next;
    }
    out->prerelease = s.substr(start, end - start);
    pos = end;
  } else {
    out->prerelease = {};
  }
  size_t build_end = MatchBuild(s, pos);
  if (At(s, pos) == '+' && build_end == pos) return false;
  out->build = build_end > pos ? s.substr(pos + 1, build_end - pos - 1) : std::string_view();
  return build_end == s.size();
}

// The patch number and everything after it. Loose `\d+` can give digits back to the
// prerelease when the greedy match fails ("1.2.34.5" is 1.2.3-4.5), so shorter patches
// are tried, longest first, as the regex engine would.
bool MatchPatchAndTail(std::string_view s, size_t pos, bool loose, bool allow_x,
                       Captures* out) {
  if (allow_x && IsXChar(At(s, pos))) {
    out->patch = s.substr(pos, 1);
    return MatchTail(s, pos + 1, loose, out);
  }
  size_t end = NumberEnd(s, pos, loose);
  if (end == pos) return false;
  for (; end > pos; --end) {
    out->patch = s.substr(pos, end - pos);
    if (MatchTail(s, end, loose, out)) return true;
    if (!loose) return false;
  }
  return false;
}

// XRANGEIDENTIFIER(LOOSE): a number, x, X or *.
size_t XIdEnd(std::string_view s, size_t pos, bool loose) {
  if (IsXChar(At(s, pos))) return pos + 1;
  return NumberEnd(s, pos, loose);
}

}  // namespace

size_t WhitespaceLength(std::string_view s, size_t pos) {
  unsigned char c = At(s, pos);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  unsigned char c1 = At(s, pos + 1), c2 = At(s, pos + 2);
  if (c == 0xC2 && c1 == 0xA0) return 2;                                      // U+00A0
  if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;                        // U+1680
  if (c == 0xE2 && c1 == 0x80 &&
      (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) && c2 >= 0x80) {  // U+2000..
    return 3;
  }
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // U+3000
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;  // U+FEFF
  return 0;
}

std::string_view Trim(std::string_view s) {
  size_t start = 0;
  while (size_t ws = WhitespaceLength(s, start)) start += ws;
  s.remove_prefix(start);
  for (bool trimmed = true; trimmed && !s.empty();) {
    trimmed = false;
    for (size_t len = 1; len <= 3 && len <= s.size(); ++len) {
      if (WhitespaceLength(s, s.size() - len) == len) {
        s.remove_suffix(len);
        trimmed = true;
        break;
      }
    }
  }
  return s;
}

std::string CollapseWhitespace(std::string_view s) {
  s = Trim(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (size_t ws = WhitespaceLength(s, i)) {
      while (size_t more = WhitespaceLength(s, i)) i += more;
      out += ' ';
      (void)ws;
    } else {
      out += s[i++];
    }
  }
  return out;
}

size_t Utf16Length(std::string_view s) {
  size_t units = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++units;
    if (c >= 0xF0) ++units;  // A 4-byte sequence is a surrogate pair.
  }
  return units;
}

bool MatchPlainVersion(std::string_view s, bool loose, Captures* out) {
  size_t pos = loose ? SkipLoosePrefix(s, 0) : (At(s, 0) == 'v' ? 1 : 0);
  size_t end = NumberEnd(s, pos, loose);
  if (end == pos || At(s, end) != '.') return false;
  out->major = s.substr(pos, end - pos);
  pos = end + 1;
  end = NumberEnd(s, pos, loose);
  if (end == pos || At(s, end) != '.') return false;
  out->minor = s.substr(pos, end - pos);
  return MatchPatchAndTail(s, end + 1, loose, /*allow_x=*/false, out);
}

bool MatchXRangePlain(std::string_view s, bool loose, Captures* out) {
  *out = Captures();
  size_t pos = SkipLoosePrefix(s, 0);
  size_t end = XIdEnd(s, pos, loose);
  if (end == pos) return false;
  out->major = s.substr(pos, end - pos);
  if (end == s.size()) return true;
  if (s[end] != '.') return false;
  pos = end + 1;
  end = XIdEnd(s, pos, loose);
  if (end == pos) return false;
  out->minor = s.substr(pos, end - pos);
  if (end == s.size()) return true;
  if (s[end] != '.') return false;
  return MatchPatchAndTail(s, end + 1, loose, /*allow_x=*/true, out);
}

size_t MatchOperator(std::string_view s) {
  size_t n = 0;
  if (At(s, 0) == '<' || At(s, 0) == '>') ++n;
  if (At(s, n) == '=') ++n;
  return n;
}

size_t MatchBuild(std::string_view s, size_t pos) {
  if (At(s, pos) != '+') return pos;
  size_t end = IdRunEnd(s, pos + 1);
  if (end == pos + 1) return pos;
  while (At(s, end) == '.' && IsIdChar(At(s, end + 1))) end = IdRunEnd(s, end + 1);
  return end;
}

bool ParseSafeInteger(std::string_view digits, unsigned long long* value) {
  size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0') ++i;
  if (digits.size() - i > 16) return false;
  unsigned long long v = 0;
  for (; i < digits.size(); ++i) v = v * 10 + static_cast<unsigned>(digits[i] - '0');
  if (v > kMaxSafeInteger) return false;
  *value = v;
  return true;
}

std::string PlusOne(std::string_view digits) {
  unsigned long long v;
  if (ParseSafeInteger(digits, &v)) return std::to_string(v + 1);
  double d = std::strtod(std::string(digits).c_str(), nullptr) + 1;
  if (d >= 1e21) return "1e+21";  // JavaScript switches to exponent form here.
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.0f", d);
  return buffer;
}

}  // namespace skua::pm::semver::internal
