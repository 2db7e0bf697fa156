// Range parsing (branch splitting, comparator construction, null-set and "any" folding as
// node-semver's Range constructor does) and matching.
#include "pm/semver/range.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "pm/semver/desugar.h"
#include "pm/semver/grammar.h"

namespace skua::pm::semver {

namespace {

Result<Comparator> ParseComparator(std::string_view text, bool loose) {
  Comparator c;
  if (text.empty()) return c;  // `^$`: the "any" comparator.
  size_t op_len = internal::MatchOperator(text);
  std::string_view op = text.substr(0, op_len);
  std::string_view rest = text.substr(op_len);
  if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  internal::Captures caps;
  if (!internal::MatchPlainVersion(rest, loose, &caps)) {
    return InvalidArgument("Invalid comparator: " + std::string(text));
  }
  Result<Version> v = ParseVersion(rest, loose);
  if (!v.ok()) return v.status();
  c.version = std::move(v).value();
  if (op == "<") c.op = Comparator::Op::kLt;
  if (op == "<=") c.op = Comparator::Op::kLte;
  if (op == ">") c.op = Comparator::Op::kGt;
  if (op == ">=") c.op = Comparator::Op::kGte;
  return c;
}

bool IsNullSet(const Comparator& c) {
  return c.op == Comparator::Op::kLt && c.version && c.version->major == 0 &&
         c.version->minor == 0 && c.version->patch == 0 && c.version->prerelease.size() == 1 &&
         c.version->prerelease[0].number && c.version->prerelease[0].value == 0;
}

bool IsAnyComparator(const Comparator& c) { return !c.version.has_value(); }

Version MakeVersion(uint64_t major, uint64_t minor, uint64_t patch, bool dash_zero) {
  Version v;
  v.major = major;
  v.minor = minor;
  v.patch = patch;
  if (dash_zero) v.prerelease.push_back(Identifier{"0", true, 0});
  return v;
}

// Most ranges in packuments are "^1.2.3", "~1.2.3" or "1.2.3": built here directly as
// the general parse (desugar, then comparators) builds them (about 7,000 instructions a
// range). includePrerelease is left to the general parse. nullopt for every other text;
// differential_test holds both to node-semver's recorded answers.
std::optional<std::vector<Comparator>> QuickBranch(std::string_view text, RangeOptions options) {
  if (options.include_prerelease || text.empty()) return std::nullopt;
  char kind = text[0] == '^' || text[0] == '~' ? text[0] : '=';
  std::string_view digits = kind == '=' ? text : text.substr(1);
  Version read;
  if (ReadPlainTriple(digits, &read) != digits.size()) return std::nullopt;
  const uint64_t p[3] = {read.major, read.minor, read.patch};
  // ">=0.0.0" means any version, which the general parse drops from the set.
  if (kind != '=' && p[0] == 0 && p[1] == 0 && p[2] == 0) return std::nullopt;
  Comparator lower{kind == '=' ? Comparator::Op::kEq : Comparator::Op::kGte,
                   MakeVersion(p[0], p[1], p[2], false)};
  if (kind == '=') return std::vector<Comparator>{std::move(lower)};
  // node-semver's replaceTilde and replaceCaret for a full version without prerelease.
  Version upper = kind == '~' || (p[0] == 0 && p[1] != 0) ? MakeVersion(p[0], p[1] + 1, 0, true)
                  : p[0] != 0                              ? MakeVersion(p[0] + 1, 0, 0, true)
                                                           : MakeVersion(0, 0, p[2] + 1, true);
  return std::vector<Comparator>{std::move(lower), Comparator{Comparator::Op::kLt, std::move(upper)}};
}

// Range.parseRange for one `||` branch. An empty result means loose mode dropped every
// piece.
Result<std::vector<Comparator>> ParseBranch(std::string_view branch, RangeOptions options) {
  std::vector<std::string> pieces =
      internal::DesugarBranch(branch, options.loose, options.include_prerelease);
  std::vector<Comparator> parsed;
  for (const std::string& piece : pieces) {
    Result<Comparator> c = ParseComparator(piece, options.loose);
    if (!c.ok()) return c.status();
    parsed.push_back(std::move(c).value());
  }
  // Null set wins; duplicates (by printed value) collapse; "any" goes when not alone.
  std::vector<Comparator> set;
  std::vector<std::string> values;
  for (Comparator& c : parsed) {
    if (IsNullSet(c)) return std::vector<Comparator>{std::move(c)};
    std::string value = c.ToString();
    bool seen = false;
    for (const std::string& v : values) seen = seen || v == value;
    if (seen) continue;
    values.push_back(std::move(value));
    set.push_back(std::move(c));
  }
  if (set.size() > 1) {
    for (size_t i = 0; i < set.size(); ++i) {
      if (IsAnyComparator(set[i])) {
        set.erase(set.begin() + static_cast<long>(i));
        break;
      }
    }
  }
  return set;
}

bool TestSet(const std::vector<Comparator>& set, const Version& v, bool include_prerelease) {
  for (const Comparator& c : set) {
    if (!c.Test(v)) return false;
  }
  if (!v.is_prerelease() || include_prerelease) return true;
  // A prerelease passes only through a comparator that names a prerelease of the same
  // major.minor.patch: `>=1.2.3-beta.1` admits 1.2.3-beta.2, not 1.2.4-alpha.
  for (const Comparator& c : set) {
    if (!c.version || !c.version->is_prerelease()) continue;
    if (c.version->major == v.major && c.version->minor == v.minor &&
        c.version->patch == v.patch) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool Comparator::Test(const Version& v) const {
  if (!version) return true;
  int c = Compare(v, *version);
  switch (op) {
    case Op::kEq:
      return c == 0;
    case Op::kLt:
      return c < 0;
    case Op::kLte:
      return c <= 0;
    case Op::kGt:
      return c > 0;
    case Op::kGte:
      return c >= 0;
  }
  return false;
}

bool Comparator::Intersects(const Comparator& other, RangeOptions options) const {
  // An exact version (or "any") intersects what admits it.
  if (op == Op::kEq || !version) {
    if (!version) return true;
    return TestSet({other}, *version, options.include_prerelease);
  }
  if (other.op == Op::kEq || !other.version) {
    if (!other.version) return true;
    return TestSet({*this}, *other.version, options.include_prerelease);
  }
  // Nothing is below 0.0.0-0; without prereleases, nothing is below 0.0.0 either.
  auto below_zero = [&options](const Comparator& c) {
    const Version& v = *c.version;
    if (c.op != Op::kLt || v.major != 0 || v.minor != 0 || v.patch != 0) return false;
    return !options.include_prerelease || v.ToString() == "0.0.0-0";
  };
  if (below_zero(*this) || below_zero(other)) return false;
  bool up = op == Op::kGt || op == Op::kGte;
  bool other_up = other.op == Op::kGt || other.op == Op::kGte;
  if (up == other_up) return true;  // Both open upwards, or both downwards.
  bool inclusive = op == Op::kGte || op == Op::kLte;
  bool other_inclusive = other.op == Op::kGte || other.op == Op::kLte;
  if (inclusive && other_inclusive && version->ToString() == other.version->ToString()) return true;
  int c = Compare(*version, *other.version);
  return up ? c < 0 : c > 0;
}

std::string Comparator::ToString() const {
  if (!version) return "";
  static constexpr const char* kOps[] = {"", "<", "<=", ">", ">="};
  return kOps[static_cast<int>(op)] + version->ToString();
}

Result<Range> Range::Parse(std::string_view text, RangeOptions options) { return ParseShared(text, options); }

const Result<Range>& Range::ParseShared(std::string_view text, RangeOptions options) {
  // A resolution parses the same few hundred ranges over and over (to pick, to place,
  // to normalise specs, to check engines): each text is parsed once per thread. The
  // answers stay where they are (a node-based map), so references to them stay valid.
  thread_local std::unordered_map<std::string, Result<Range>> parsed;
  std::string key;
  key.reserve(text.size() + 2);
  key += options.loose ? 'l' : '-';
  key += options.include_prerelease ? 'p' : '-';
  key += text;
  auto it = parsed.find(key);
  if (it == parsed.end()) it = parsed.emplace(std::move(key), ParseUncached(text, options)).first;
  return it->second;
}

Result<Range> Range::ParseUncached(std::string_view text, RangeOptions options) {
  Range range;
  range.options_ = options;
  if (std::optional<std::vector<Comparator>> quick = QuickBranch(internal::Trim(text), options)) {
    range.sets_.push_back(std::move(*quick));
    return range;
  }
  std::string raw = internal::CollapseWhitespace(text);
  std::string_view rest = raw;
  while (true) {
    size_t bar = rest.find("||");
    std::string_view branch = internal::Trim(rest.substr(0, bar));
    Result<std::vector<Comparator>> set = ParseBranch(branch, options);
    if (!set.ok()) return set.status();
    if (!set->empty()) range.sets_.push_back(std::move(set).value());
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 2);
  }
  auto& sets = range.sets_;
  if (sets.empty()) return InvalidArgument("Invalid SemVer Range: " + raw);
  if (sets.size() > 1) {
    std::vector<std::vector<Comparator>> kept;
    for (auto& set : sets) {
      if (!IsNullSet(set[0])) kept.push_back(set);
    }
    if (kept.empty()) kept.push_back(sets[0]);
    for (auto& set : kept) {
      if (set.size() == 1 && IsAnyComparator(set[0])) {
        kept = {set};
        break;
      }
    }
    sets = std::move(kept);
  }
  return range;
}

bool Range::Test(const Version& v) const {
  for (const auto& set : sets_) {
    if (TestSet(set, v, options_.include_prerelease)) return true;
  }
  return false;
}

bool Range::Test(std::string_view version) const {
  if (version.empty()) return false;
  Result<Version> v = ParseVersion(version, options_.loose);
  return v.ok() && Test(*v);
}

std::string Range::ToString() const {
  std::string out;
  for (size_t i = 0; i < sets_.size(); ++i) {
    if (i > 0) out += "||";
    for (size_t k = 0; k < sets_[i].size(); ++k) {
      if (k > 0) out += ' ';
      out += sets_[i][k].ToString();
    }
  }
  return out;
}

bool Range::IsAny() const {
  return sets_.size() == 1 && sets_[0].size() == 1 && IsAnyComparator(sets_[0][0]);
}

namespace {

// node-semver's isSatisfiable: every pair of the branch's comparators intersects.
bool Satisfiable(const std::vector<Comparator>& set, RangeOptions options) {
  for (size_t i = 0; i < set.size(); ++i) {
    for (size_t k = 0; k < i; ++k) {
      if (!set[i].Intersects(set[k], options)) return false;
    }
  }
  return true;
}

}  // namespace

bool Range::Intersects(const Range& other) const {
  for (const auto& mine : sets_) {
    if (!Satisfiable(mine, options_)) continue;
    for (const auto& theirs : other.sets_) {
      if (!Satisfiable(theirs, options_)) continue;
      bool all = true;
      for (const Comparator& a : mine) {
        for (const Comparator& b : theirs) all = all && a.Intersects(b, options_);
      }
      if (all) return true;
    }
  }
  return false;
}

bool Intersects(std::string_view a, std::string_view b, RangeOptions options) {
  Result<Range> ra = Range::Parse(a, options);
  Result<Range> rb = Range::Parse(b, options);
  return ra.ok() && rb.ok() && ra->Intersects(*rb);
}

bool Satisfies(std::string_view version, std::string_view range, RangeOptions options) {
  const Result<Range>& r = Range::ParseShared(range, options);
  return r.ok() && r->Test(version);
}

std::optional<std::string> ValidRange(std::string_view range, RangeOptions options) {
  Result<Range> r = Range::Parse(range, options);
  if (!r.ok()) return std::nullopt;
  std::string printed = r->ToString();
  return printed.empty() ? "*" : printed;
}

namespace {

std::optional<std::string> Extreme(const std::vector<std::string>& versions,
                                   std::string_view range, RangeOptions options, int want) {
  Result<Range> r = Range::Parse(range, options);
  if (!r.ok()) return std::nullopt;
  std::optional<std::string> best;
  std::optional<Version> best_version;
  for (const std::string& text : versions) {
    if (text.empty()) continue;
    Result<Version> v = ParseVersion(text, options.loose);
    if (!v.ok() || !r->Test(*v)) continue;
    if (!best_version || Compare(*best_version, *v) == -want) {
      best = text;
      best_version = *v;
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> MaxSatisfying(const std::vector<std::string>& versions,
                                         std::string_view range, RangeOptions options) {
  return Extreme(versions, range, options, 1);
}

std::optional<std::string> MinSatisfying(const std::vector<std::string>& versions,
                                         std::string_view range, RangeOptions options) {
  return Extreme(versions, range, options, -1);
}

}  // namespace skua::pm::semver
