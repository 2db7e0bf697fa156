// node-semver's range rewrites (Range.parseRange and its replace* helpers), one function
// per rewrite, producing the same intermediate text so that the printed range, and which
// inputs are invalid, come out as node-semver's.
#include "pm/semver/desugar.h"

#include "pm/semver/grammar.h"

namespace skua::pm::semver::internal {

namespace {

unsigned char At(std::string_view s, size_t i) { return i < s.size() ? s[i] : 0; }
bool IsSpace(char c) { return c == ' '; }  // Callers pass collapsed whitespace.
bool IsVersionPrefix(char c) { return c == 'v' || c == '=' || IsSpace(c); }
bool IsVersionStart(char c) { return IsDigit(c) || IsXChar(c); }

std::string S(std::string_view v) { return std::string(v); }

size_t IdRunEnd(std::string_view s, size_t pos) {
  while (pos < s.size() && IsIdChar(s[pos])) ++pos;
  return pos;
}

size_t DigitsEnd(std::string_view s, size_t pos) {
  while (pos < s.size() && IsDigit(s[pos])) ++pos;
  return pos;
}

// Unanchored PRERELEASEIDENTIFIER(LOOSE) at `pos`: `\d*[a-zA-Z-][a-zA-Z0-9-]*` first,
// else a number (strict: `0|[1-9]\d*`). Returns `pos` when nothing matches.
size_t PrereleaseIdEnd(std::string_view s, size_t pos, bool loose) {
  size_t digits = DigitsEnd(s, pos);
  if (IsLetter(At(s, digits)) || At(s, digits) == '-') return IdRunEnd(s, digits);
  if (!loose && At(s, pos) == '0') return pos + 1;
  return digits;
}

// Unanchored PRERELEASE(LOOSE) at `pos`, including its hyphen; `pos` when absent.
size_t PrereleaseEnd(std::string_view s, size_t pos, bool loose) {
  bool hyphen = At(s, pos) == '-';
  if (!loose && !hyphen) return pos;
  size_t first = pos + (hyphen ? 1 : 0);
  size_t end = PrereleaseIdEnd(s, first, loose);
  if (end == first) {
    if (!loose || !hyphen) return pos;
    end = PrereleaseIdEnd(s, pos, loose);  // The hyphen is the identifier.
  }
  while (At(s, end) == '.') {
    size_t next = PrereleaseIdEnd(s, end + 1, loose);
    if (next == end + 1) break;
    end = next;
  }
  return end;
}

// Where an unanchored `LOOSEPLAIN|XRANGEPLAIN` match starting at `pos` (after its
// prefix) ends.
size_t VersionEnd(std::string_view s, size_t pos) {
  size_t end = pos;
  bool full = true;
  for (int i = 0; i < 3 && full; ++i) {
    size_t next = DigitsEnd(s, end);
    if (next == end) full = false;
    end = next;
    if (full && i < 2) {
      if (At(s, end) != '.') full = false;
      ++end;
    }
  }
  if (full) return MatchBuild(s, PrereleaseEnd(s, end, true));
  auto component_end = [&](size_t at) -> size_t {
    if (IsDigit(At(s, at))) return At(s, at) == '0' ? at + 1 : DigitsEnd(s, at);
    return IsXChar(At(s, at)) ? at + 1 : at;
  };
  end = component_end(pos);
  for (int i = 0; i < 2; ++i) {
    if (At(s, end) != '.') return end;
    size_t next = component_end(end + 1);
    if (next == end + 1) return end;
    end = next;
  }
  return MatchBuild(s, PrereleaseEnd(s, end, false));
}

std::string CaretText(const Captures& c, bool include_prerelease) {
  std::string z = include_prerelease ? "-0" : "";
  std::string M = S(c.major), m = S(c.minor), p = S(c.patch), pr = S(c.prerelease);
  if (IsX(c.major)) return "";
  if (IsX(c.minor)) return ">=" + M + ".0.0" + z + " <" + PlusOne(M) + ".0.0-0";
  if (IsX(c.patch)) {
    if (M == "0") return ">=" + M + "." + m + ".0" + z + " <" + M + "." + PlusOne(m) + ".0-0";
    return ">=" + M + "." + m + ".0" + z + " <" + PlusOne(M) + ".0.0-0";
  }
  std::string low = ">=" + M + "." + m + "." + p + (pr.empty() ? "" : "-" + pr);
  if (M == "0") {
    if (m == "0") return low + " <" + M + "." + m + "." + PlusOne(p) + "-0";
    return low + " <" + M + "." + PlusOne(m) + ".0-0";
  }
  return low + " <" + PlusOne(M) + ".0.0-0";
}

std::string TildeText(const Captures& c, bool include_prerelease) {
  std::string z = include_prerelease ? "-0" : "";
  std::string M = S(c.major), m = S(c.minor), p = S(c.patch), pr = S(c.prerelease);
  if (IsX(c.major)) return "";
  if (IsX(c.minor)) return ">=" + M + ".0.0" + z + " <" + PlusOne(M) + ".0.0-0";
  if (IsX(c.patch)) return ">=" + M + "." + m + ".0" + z + " <" + M + "." + PlusOne(m) + ".0-0";
  std::string low = ">=" + M + "." + m + "." + p + (pr.empty() ? "" : "-" + pr);
  return low + " <" + M + "." + PlusOne(m) + ".0-0";
}

std::string XRangeText(std::string_view whole, std::string gtlt, const Captures& c,
                       bool include_prerelease) {
  if ((IsX(c.major) && !IsX(c.minor)) || (IsX(c.minor) && !c.patch.empty() && !IsX(c.patch))) {
    return S(whole);  // Wildcards must be right-most; left for the comparator to reject.
  }
  bool xM = IsX(c.major), xm = xM || IsX(c.minor), xp = xm || IsX(c.patch);
  if (gtlt == "=" && xp) gtlt = "";
  std::string pr = include_prerelease ? "-0" : "";
  std::string M = S(c.major), m = S(c.minor), p = S(c.patch);
  if (xM) return gtlt == ">" || gtlt == "<" ? "<0.0.0-0" : "*";
  if (!gtlt.empty() && xp) {
    if (xm) m = "0";
    p = "0";
    if (gtlt == ">") {
      gtlt = ">=";
      if (xm) {
        M = PlusOne(M);
      } else {
        m = PlusOne(m);
      }
    } else if (gtlt == "<=") {
      gtlt = "<";
      if (xm) {
        M = PlusOne(M);
      } else {
        m = PlusOne(m);
      }
    }
    if (gtlt == "<") pr = "-0";
    return gtlt + M + "." + m + "." + p + pr;
  }
  if (xm) return ">=" + M + ".0.0" + pr + " <" + PlusOne(M) + ".0.0-0";
  if (xp) return ">=" + M + "." + m + ".0" + pr + " <" + M + "." + PlusOne(m) + ".0-0";
  return S(whole);
}

// Applies `fn` to every whitespace-separated piece and joins the results with spaces.
template <typename F>
std::string MapPieces(std::string_view s, F&& fn) {
  std::string out;
  bool first = true;
  SplitOnSpaces(s, [&](std::string_view piece) {
    if (!first) out += ' ';
    first = false;
    out += fn(piece);
  });
  return out;
}

std::string ReplaceCaret(std::string_view c, bool loose, bool include_prerelease) {
  Captures caps;
  if (At(c, 0) == '^' && MatchXRangePlain(c.substr(1), loose, &caps)) {
    return CaretText(caps, include_prerelease);
  }
  return S(c);
}

std::string ReplaceTilde(std::string_view c, bool loose, bool include_prerelease) {
  Captures caps;
  if (At(c, 0) != '~') return S(c);
  std::string_view rest = c.substr(1);
  if ((At(rest, 0) == '>' && MatchXRangePlain(rest.substr(1), loose, &caps)) ||
      MatchXRangePlain(rest, loose, &caps)) {
    return TildeText(caps, include_prerelease);
  }
  return S(c);
}

std::string ReplaceXRange(std::string_view c, bool loose, bool include_prerelease) {
  c = Trim(c);
  size_t op = MatchOperator(c);
  std::string_view rest = c.substr(op);
  if (IsSpace(At(rest, 0))) rest.remove_prefix(1);
  Captures caps;
  if (!MatchXRangePlain(rest, loose, &caps)) return S(c);
  return XRangeText(c, S(c.substr(0, op)), caps, include_prerelease);
}

// Removes the first `(<|>)?=?\s?\*`.
std::string ReplaceStar(std::string_view c) {
  c = Trim(c);
  for (size_t p = 0; p < c.size(); ++p) {
    size_t j = p;
    if (c[j] == '<' || c[j] == '>') ++j;
    if (At(c, j) == '=') ++j;
    if (IsSpace(At(c, j))) ++j;
    if (At(c, j) == '*') return S(c.substr(0, p)) + S(c.substr(j + 1));
  }
  return S(c);
}

// COMPARATORLOOSE: `^GTLT\s?(LOOSEPLAIN)$|^$`.
bool IsLooseComparator(std::string_view c) {
  if (c.empty()) return true;
  std::string_view rest = c.substr(MatchOperator(c));
  if (IsSpace(At(rest, 0))) rest.remove_prefix(1);
  Captures caps;
  return MatchPlainVersion(rest, true, &caps);
}

}  // namespace

std::string StripBuildMetadata(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t end = MatchBuild(s, i);
    if (end > i) {
      i = end;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::string ReplaceHyphenRange(std::string_view s, bool loose, bool include_prerelease) {
  // `^\s?(XRANGEPLAIN)\s-\s(XRANGEPLAIN)\s?$`. An x-range cannot contain " - ", so at
  // most one split point can succeed.
  for (size_t i = s.find(" - "); i != std::string_view::npos; i = s.find(" - ", i + 1)) {
    std::string_view from = s.substr(0, i), to = s.substr(i + 3);
    if (IsSpace(At(from, 0))) from.remove_prefix(1);
    if (!to.empty() && IsSpace(to.back())) to.remove_suffix(1);
    Captures f, t;
    if (!MatchXRangePlain(from, loose, &f) || !MatchXRangePlain(to, loose, &t)) continue;
    std::string z = include_prerelease ? "-0" : "";
    std::string low, high;
    if (IsX(f.major)) {
      low = "";
    } else if (IsX(f.minor)) {
      low = ">=" + S(f.major) + ".0.0" + z;
    } else if (IsX(f.patch)) {
      low = ">=" + S(f.major) + "." + S(f.minor) + ".0" + z;
    } else {
      low = ">=" + S(from) + (f.prerelease.empty() ? z : "");
    }
    if (IsX(t.major)) {
      high = "";
    } else if (IsX(t.minor)) {
      high = "<" + PlusOne(t.major) + ".0.0-0";
    } else if (IsX(t.patch)) {
      high = "<" + S(t.major) + "." + PlusOne(t.minor) + ".0-0";
    } else if (!t.prerelease.empty()) {
      high = "<=" + S(t.major) + "." + S(t.minor) + "." + S(t.patch) + "-" + S(t.prerelease);
    } else if (include_prerelease) {
      high = "<" + S(t.major) + "." + S(t.minor) + "." + PlusOne(t.patch) + "-0";
    } else {
      high = "<=" + S(to);
    }
    return S(Trim(low + " " + high));
  }
  return S(s);
}

std::string TrimOperatorWhitespace(std::string_view s) {
  // The global replace of `(\s?)(GTLT)\s?(LOOSEPLAIN|XRANGEPLAIN)` by `$1$2$3`: only a
  // space right after an operator (or after a lone leading space) goes. Matches are found
  // left to right and never overlap, so the scan skips each matched version whole.
  std::string out;
  size_t copy_from = 0;
  size_t cursor = 0;
  while (cursor < s.size()) {
    size_t match_start = cursor;
    if (s[cursor] == '<' || s[cursor] == '>') {
      ++cursor;
    } else if (!IsVersionPrefix(s[cursor]) && !IsVersionStart(s[cursor])) {
      ++cursor;
      continue;
    }
    while (cursor < s.size() && IsVersionPrefix(s[cursor])) ++cursor;
    if (!IsVersionStart(At(s, cursor))) continue;
    size_t p = match_start;
    if (IsSpace(At(s, p))) ++p;
    if (At(s, p) == '<' || At(s, p) == '>') ++p;
    if (At(s, p) == '=') ++p;
    if (IsSpace(At(s, p))) {
      out.append(s.substr(copy_from, p - copy_from));
      copy_from = p + 1;
    }
    cursor = VersionEnd(s, cursor);
  }
  out.append(s.substr(copy_from));
  return out;
}

std::string TrimTildeAndCaretWhitespace(std::string_view s) {
  // `(\s?)~>?\s` becomes `$1~`, then `(\s?)\^\s` becomes `$1^`.
  std::string tilde;
  for (size_t i = 0; i < s.size();) {
    size_t j = i + 1;
    if (s[i] == '~' && At(s, j) == '>') ++j;
    if (s[i] == '~' && IsSpace(At(s, j))) {
      tilde += '~';
      i = j + 1;
    } else {
      tilde += s[i++];
    }
  }
  std::string out;
  for (size_t i = 0; i < tilde.size();) {
    if (tilde[i] == '^' && IsSpace(At(tilde, i + 1))) {
      out += '^';
      i += 2;
    } else {
      out += tilde[i++];
    }
  }
  return out;
}

std::string DesugarComparator(std::string_view comp, bool loose, bool include_prerelease) {
  std::string c(comp);
  for (size_t i = 0; i < c.size(); ++i) {
    size_t end = MatchBuild(c, i);
    if (end > i) {
      c.erase(i, end - i);
      break;
    }
  }
  c = MapPieces(Trim(c), [&](std::string_view p) { return ReplaceCaret(p, loose, include_prerelease); });
  c = MapPieces(Trim(c), [&](std::string_view p) { return ReplaceTilde(p, loose, include_prerelease); });
  c = MapPieces(c, [&](std::string_view p) { return ReplaceXRange(p, loose, include_prerelease); });
  return ReplaceStar(c);
}

std::vector<std::string> DesugarBranch(std::string_view branch, bool loose,
                                       bool include_prerelease) {
  std::string s = StripBuildMetadata(branch);
  s = ReplaceHyphenRange(s, loose, include_prerelease);
  s = TrimOperatorWhitespace(s);
  s = TrimTildeAndCaretWhitespace(s);
  // split(' ') -> parseComparator -> join(' ') -> split(/\s+/) -> replaceGTE0.
  std::string joined;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ') {
      if (start > 0) joined += ' ';
      joined += DesugarComparator(std::string_view(s).substr(start, i - start), loose,
                                  include_prerelease);
      start = i + 1;
    }
  }
  std::vector<std::string> list;
  std::string_view gte0 = include_prerelease ? ">=0.0.0-0" : ">=0.0.0";
  SplitOnSpaces(joined, [&](std::string_view piece) {
    std::string_view c = Trim(piece);
    if (c == gte0) c = "";
    if (loose && !IsLooseComparator(c)) return;
    list.emplace_back(c);
  });
  return list;
}

}  // namespace skua::pm::semver::internal
