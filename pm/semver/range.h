// node-semver 7 ranges: parsing every range form (x-ranges, `*`, "", tilde, caret,
// hyphen ranges, `||`, comparator sets), the printed normal form, and matching with the
// prerelease rule. npm matches dependency ranges with `loose` and engines with
// `include_prerelease`.
//
//   Result<Range> r = Range::Parse("^1.2.3 || 2.x", {.loose = true});
//   r->Test("1.4.0");      // true
//   r->ToString();         // ">=1.2.3 <2.0.0-0||>=2.0.0 <3.0.0-0"
#ifndef SKUA_PM_SEMVER_RANGE_H_
#define SKUA_PM_SEMVER_RANGE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/semver/version.h"

namespace skua::pm::semver {

struct RangeOptions {
  bool loose = false;
  // Prereleases match any range they fall into, not only comparators on the same
  // major.minor.patch that carry a prerelease themselves.
  bool include_prerelease = false;
};

// One primitive comparison. `version` is empty for the "any" comparator.
struct Comparator {
  enum class Op { kEq, kLt, kLte, kGt, kGte };
  Op op = Op::kEq;
  std::optional<Version> version;

  bool Test(const Version& v) const;
  // node-semver's Comparator.intersects: whether some version could satisfy both (with
  // the prerelease rule when one side is an exact version).
  bool Intersects(const Comparator& other, RangeOptions options) const;
  // node-semver's `value`: "" for any, else the operator ("" for =) and the version.
  std::string ToString() const;
};

class Range {
 public:
  // Parses like `new Range(text, options)`. Errors carry node-semver's messages
  // ("Invalid SemVer Range: x", "Invalid comparator: x").
  static Result<Range> Parse(std::string_view text, RangeOptions options = {});
  // Parse's answer without copying it: each text is parsed once per thread and its
  // answer kept for the thread's life.
  static const Result<Range>& ParseShared(std::string_view text, RangeOptions options = {});

  // True when some `||` branch accepts `v`: all its comparators hold and, for a
  // prerelease `v` without include_prerelease, one of them names a prerelease of the
  // same major.minor.patch.
  bool Test(const Version& v) const;
  // Parses `version` with this range's looseness first; an invalid version never matches.
  bool Test(std::string_view version) const;

  // node-semver's `range`: branches joined by "||", comparators by " "; "" for any.
  std::string ToString() const;

  // True when the range accepts every non-prerelease version ("*", "", "x", ">=0.0.0").
  bool IsAny() const;

  // node-semver's Range.intersects: some satisfiable `||` branch of each range whose
  // comparators pairwise intersect. Not an exact test (`>1 <2` and `>3` on the same
  // branch are each satisfiable pairwise), as node-semver's is not.
  bool Intersects(const Range& other) const;

  const std::vector<std::vector<Comparator>>& sets() const { return sets_; }
  const RangeOptions& options() const { return options_; }

 private:
  static Result<Range> ParseUncached(std::string_view text, RangeOptions options);

  std::vector<std::vector<Comparator>> sets_;
  RangeOptions options_;
};

// semver.satisfies(): false when either side is invalid.
bool Satisfies(std::string_view version, std::string_view range, RangeOptions options = {});

// semver.intersects(a, b): false when either range is invalid (node-semver throws).
bool Intersects(std::string_view a, std::string_view b, RangeOptions options = {});

// semver.validRange(): the printed range ("*" for any), or nothing when invalid.
std::optional<std::string> ValidRange(std::string_view range, RangeOptions options = {});

// semver.maxSatisfying() / minSatisfying(): the highest (lowest) of `versions` that the
// range accepts; on ties, the first listed. Invalid versions are skipped.
std::optional<std::string> MaxSatisfying(const std::vector<std::string>& versions,
                                         std::string_view range, RangeOptions options = {});
std::optional<std::string> MinSatisfying(const std::vector<std::string>& versions,
                                         std::string_view range, RangeOptions options = {});

}  // namespace skua::pm::semver

#endif  // SKUA_PM_SEMVER_RANGE_H_
