// Version parsing, printing and precedence with node-semver 7's exact rules, including
// how it treats digit-only identifiers beyond 2^53 (kept as strings, compared as doubles).
#include "pm/semver/version.h"

#include <cstdlib>

#include "pm/semver/grammar.h"

namespace skua::pm::semver {

namespace {

using internal::kMaxSafeInteger;

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!internal::IsDigit(c)) return false;
  }
  return !s.empty();
}

Identifier MakeIdentifier(std::string_view text) {
  Identifier id;
  unsigned long long value;
  if (AllDigits(text) && internal::ParseSafeInteger(text, &value) && value < kMaxSafeInteger) {
    id.number = true;
    id.value = value;
    id.text = std::to_string(value);
  } else {
    id.text = std::string(text);
  }
  return id;
}

template <typename F>
void SplitDots(std::string_view s, F&& each) {
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      each(s.substr(start, i - start));
      start = i + 1;
    }
  }
}

int Sign(uint64_t a, uint64_t b) { return a < b ? -1 : a > b ? 1 : 0; }

int ComparePrerelease(const Version& a, const Version& b) {
  if (a.is_prerelease() != b.is_prerelease()) return a.is_prerelease() ? -1 : 1;
  for (size_t i = 0;; ++i) {
    bool a_end = i >= a.prerelease.size(), b_end = i >= b.prerelease.size();
    if (a_end && b_end) return 0;
    if (b_end) return 1;
    if (a_end) return -1;
    if (a.prerelease[i] == b.prerelease[i]) continue;
    // node-semver returns here even when the identifiers compare equal (two huge digit
    // strings that round to the same double): the rest is never looked at.
    return CompareIdentifiers(a.prerelease[i], b.prerelease[i]);
  }
}

}  // namespace

std::string Version::ToString() const {
  std::string out = std::to_string(major) + "." + std::to_string(minor) + "." +
                    std::to_string(patch);
  for (size_t i = 0; i < prerelease.size(); ++i) {
    out += i == 0 ? '-' : '.';
    out += prerelease[i].text;
  }
  return out;
}

Result<Version> ParseVersion(std::string_view text, bool loose) {
  if (internal::Utf16Length(text) > internal::kMaxLength) {
    return InvalidArgument("version is longer than 256 characters");
  }
  internal::Captures c;
  if (!internal::MatchPlainVersion(internal::Trim(text), loose, &c)) {
    return InvalidArgument("Invalid Version: " + std::string(text));
  }
  Version v;
  unsigned long long n;
  if (!internal::ParseSafeInteger(c.major, &n)) return InvalidArgument("Invalid major version");
  v.major = n;
  if (!internal::ParseSafeInteger(c.minor, &n)) return InvalidArgument("Invalid minor version");
  v.minor = n;
  if (!internal::ParseSafeInteger(c.patch, &n)) return InvalidArgument("Invalid patch version");
  v.patch = n;
  if (!c.prerelease.empty()) {
    SplitDots(c.prerelease, [&](std::string_view id) { v.prerelease.push_back(MakeIdentifier(id)); });
  }
  if (!c.build.empty()) {
    SplitDots(c.build, [&](std::string_view id) { v.build.emplace_back(id); });
  }
  return v;
}

bool IsValid(std::string_view text, bool loose) {
  if (!text.empty() && (text[0] == '^' || text[0] == '~' || text[0] == '<' || text[0] == '>' || text[0] == '*')) {
    return false;
  }
  return ParseVersion(text, loose).ok();
}

std::optional<std::string> Valid(std::string_view text, bool loose) {
  Result<Version> v = ParseVersion(text, loose);
  if (!v.ok()) return std::nullopt;
  return v->ToString();
}

std::optional<std::string> Clean(std::string_view text, bool loose) {
  text = internal::Trim(text);
  while (!text.empty() && (text[0] == '=' || text[0] == 'v')) text.remove_prefix(1);
  return Valid(text, loose);
}

int CompareIdentifiers(const Identifier& a, const Identifier& b) {
  bool a_num = a.number || AllDigits(a.text);
  bool b_num = b.number || AllDigits(b.text);
  if (a_num && b_num) {
    double x = a.number ? static_cast<double>(a.value) : std::strtod(a.text.c_str(), nullptr);
    double y = b.number ? static_cast<double>(b.value) : std::strtod(b.text.c_str(), nullptr);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a_num) return -1;
  if (b_num) return 1;
  int c = a.text.compare(b.text);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int Compare(const Version& a, const Version& b) {
  if (int c = Sign(a.major, b.major)) return c;
  if (int c = Sign(a.minor, b.minor)) return c;
  if (int c = Sign(a.patch, b.patch)) return c;
  return ComparePrerelease(a, b);
}

int CompareBuild(const Version& a, const Version& b) {
  if (int c = Compare(a, b)) return c;
  for (size_t i = 0;; ++i) {
    bool a_end = i >= a.build.size(), b_end = i >= b.build.size();
    if (a_end && b_end) return 0;
    if (b_end) return 1;
    if (a_end) return -1;
    if (a.build[i] == b.build[i]) continue;
    Identifier x{a.build[i]}, y{b.build[i]};
    return CompareIdentifiers(x, y);
  }
}

std::optional<Version> Coerce(std::string_view s) {
  // The first place where `(^|[^\d])(\d{1,16})(\.\d{1,16})?(\.\d{1,16})?($|[^\d])` matches:
  // a digit run of at most 16 digits at the start or after a non-digit. A longer run
  // matches nowhere; an optional part with a longer run is left out.
  auto run_end = [&](size_t pos) {
    while (pos < s.size() && internal::IsDigit(s[pos])) ++pos;
    return pos;
  };
  for (size_t d = 0; d < s.size(); ++d) {
    if (!internal::IsDigit(s[d]) || (d > 0 && internal::IsDigit(s[d - 1]))) continue;
    size_t end = run_end(d);
    if (end - d > 16) continue;
    std::string parts[3] = {std::string(s.substr(d, end - d)), "0", "0"};
    for (int i = 1; i < 3; ++i) {
      if (end < s.size() && s[end] == '.' && end + 1 < s.size() &&
          internal::IsDigit(s[end + 1])) {
        size_t next = run_end(end + 1);
        if (next - end - 1 > 16) break;
        parts[i] = std::string(s.substr(end + 1, next - end - 1));
        end = next;
      }
    }
    Result<Version> v = ParseVersion(parts[0] + "." + parts[1] + "." + parts[2]);
    if (!v.ok()) return std::nullopt;
    return *v;
  }
  return std::nullopt;
}

}  // namespace skua::pm::semver
