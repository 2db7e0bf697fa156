// Character-level matchers for node-semver's version grammar. node-semver is defined by
// regular expressions; these functions reproduce what those expressions accept and
// capture (including their backtracking quirks in loose mode) without a regex engine.
// Internal to pm/semver.
#ifndef SKUA_PM_SEMVER_GRAMMAR_H_
#define SKUA_PM_SEMVER_GRAMMAR_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace skua::pm::semver::internal {

// node-semver's limits: a version string is at most 256 UTF-16 units, and numbers up to
// Number.MAX_SAFE_INTEGER are accepted.
inline constexpr size_t kMaxLength = 256;
inline constexpr unsigned long long kMaxSafeInteger = 9007199254740991ULL;

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// [0-9A-Za-z-]: the characters of prerelease and build identifiers.
inline bool IsIdChar(char c) { return IsDigit(c) || IsLetter(c) || c == '-'; }
inline bool IsXChar(char c) { return c == 'x' || c == 'X' || c == '*'; }

// Byte length of the JavaScript `\s` character (ASCII or UTF-8 encoded Unicode space)
// starting at `pos`, or 0 when there is none.
size_t WhitespaceLength(std::string_view s, size_t pos);

// String.prototype.trim().
std::string_view Trim(std::string_view s);

// `s.trim().replace(/\s+/g, ' ')`: afterwards the only whitespace is single spaces.
std::string CollapseWhitespace(std::string_view s);

// Splits on runs of whitespace like `s.split(/\s+/)` (so a leading or trailing run yields
// an empty first or last piece). Only ASCII whitespace: callers pass collapsed text.
template <typename F>
void SplitOnSpaces(std::string_view s, F&& each) {
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ') {
      each(s.substr(start, i - start));
      while (i + 1 < s.size() && s[i + 1] == ' ') ++i;
      start = i + 1;
    }
  }
}

// The length of `s` in UTF-16 code units, as JavaScript's `.length` counts it.
size_t Utf16Length(std::string_view s);

// Captures of a version pattern. An empty view means the group did not participate
// (node-semver treats `undefined` and "" alike).
struct Captures {
  std::string_view major, minor, patch, prerelease, build;
};

// FULLPLAIN (strict) or LOOSEPLAIN (loose), anchored at both ends: `v?` or `[v=\s]*`,
// three numbers, optional prerelease and build.
bool MatchPlainVersion(std::string_view s, bool loose, Captures* out);

// XRANGEPLAIN(LOOSE), anchored at both ends: `[v=\s]*`, one to three components that
// may be x, X or *, and (after the third) optional prerelease and build.
bool MatchXRangePlain(std::string_view s, bool loose, Captures* out);

// The GTLT operator prefix `((?:<|>)?=?)` at the start of `s`; returns its length.
size_t MatchOperator(std::string_view s);

// The end of the build-metadata match `\+id(\.id)*` starting at `pos`, or `pos`.
size_t MatchBuild(std::string_view s, size_t pos);

// True for node-semver's isX(): absent, "x", "X" or "*".
inline bool IsX(std::string_view id) {
  return id.empty() || id == "x" || id == "X" || id == "*";
}

// `${+digits + 1}` as JavaScript prints it: digits beyond 2^53 lose precision and from
// 1e21 on the result is in exponent form. Either way such numbers are rejected later.
std::string PlusOne(std::string_view digits);

// Parses a digit string; false when it exceeds Number.MAX_SAFE_INTEGER.
bool ParseSafeInteger(std::string_view digits, unsigned long long* value);

}  // namespace skua::pm::semver::internal

#endif  // SKUA_PM_SEMVER_GRAMMAR_H_
