// A semantic version as node-semver 7 parses, prints and orders it. npm parses registry
// versions in loose mode; strict mode is the semver.org grammar (plus a leading `v`).
#ifndef SKUA_PM_SEMVER_VERSION_H_
#define SKUA_PM_SEMVER_VERSION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::semver {

// One dot-separated prerelease identifier. node-semver keeps a digits-only identifier
// below 2^53 - 1 as a number (so loose "01" prints as "1") and any other as a string.
struct Identifier {
  std::string text;      // As printed.
  bool number = false;   // Held as a number by node-semver.
  uint64_t value = 0;    // When `number`.

  friend bool operator==(const Identifier& a, const Identifier& b) {
    return a.number == b.number && a.text == b.text;
  }
};

struct Version {
  uint64_t major = 0;
  uint64_t minor = 0;
  uint64_t patch = 0;
  std::vector<Identifier> prerelease;
  std::vector<std::string> build;

  bool is_prerelease() const { return !prerelease.empty(); }

  // node-semver's `version`: "1.2.3" or "1.2.3-beta.1"; build metadata is not printed.
  std::string ToString() const;
};

// Parses like `new SemVer(text, {loose})`: the text is trimmed first; loose mode also
// accepts `=`/`v`/space prefixes, leading zeros and a prerelease without its hyphen.
// Errors carry node-semver's messages ("Invalid Version: x", ...).
Result<Version> ParseVersion(std::string_view text, bool loose = false);

// Reads a leading "1.2.3" of `text` (digits only, no leading zeros, at most 15 digits a
// part, so every part and part + 1 is a safe integer) into `v`'s major, minor and patch;
// returns where it ends, or npos. A quick path for hot callers: what it accepts,
// ParseVersion reads the same way. Inline: pickers call it for every version key.
inline size_t ReadPlainTriple(std::string_view text, Version* v) {
  size_t i = 0;
  auto part = [&](uint64_t* out) {
    size_t start = i;
    uint64_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 15) {
      n = n * 10 + static_cast<uint64_t>(text[i] - '0');
      ++i;
    }
    *out = n;
    return i != start && (text[start] != '0' || i - start == 1);
  };
  auto dot = [&] { return i < text.size() && text[i++] == '.'; };
  if (part(&v->major) && dot() && part(&v->minor) && dot() && part(&v->patch)) return i;
  return std::string_view::npos;
}

// semver.valid(): the canonical string, or nothing.
std::optional<std::string> Valid(std::string_view text, bool loose = false);
// Whether Valid() has an answer, without printing it; text that starts with a range
// operator (^ ~ < > *), as most specs do, is refused without parsing.
bool IsValid(std::string_view text, bool loose = false);

// semver.clean(): strips leading `=`/`v` before parsing.
std::optional<std::string> Clean(std::string_view text, bool loose = false);

// Precedence: -1, 0 or 1. Build metadata does not count.
int Compare(const Version& a, const Version& b);

// Compare, then build metadata as a tie-breaker (semver.compareBuild, used by sort()).
int CompareBuild(const Version& a, const Version& b);

// semver.compareIdentifiers for prerelease and build identifiers.
int CompareIdentifiers(const Identifier& a, const Identifier& b);

// semver.coerce(text) without options: the first `major[.minor[.patch]]` run of digits
// (each at most 16 digits) in the text, missing parts as 0. Nothing when there is none.
std::optional<Version> Coerce(std::string_view text);

inline bool operator<(const Version& a, const Version& b) { return Compare(a, b) < 0; }

}  // namespace skua::pm::semver

#endif  // SKUA_PM_SEMVER_VERSION_H_
