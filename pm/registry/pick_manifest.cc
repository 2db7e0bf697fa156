// npm-pick-manifest's selection order, without its staged/restricted/avoid/before
// options (npm's CLI does not use them for installs from a public-style registry).
#include "pm/registry/pick_manifest.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

#include "base/iso_time.h"
#include "pm/registry/platform.h"
#include "pm/semver/range.h"
#include "pm/semver/version.h"
#include "pm/spec/dep_spec.h"
#include "pm/spec/package_name.h"

namespace skua::pm::registry {

namespace {

struct Candidate {
  size_t index;  // Into the packument's versions.
  semver::Version version;
  bool usable = false;  // Not deprecated and engine ok.
  bool engine_ok = false;
  bool not_deprecated = false;
};

Status NoMatch(const Packument& p, std::string_view wanted, PickFailure* failure,
               const char* code, std::string message) {
  if (failure != nullptr) {
    failure->code = code;
    failure->name = p.name;
    failure->wanted = std::string(wanted);
    failure->versions.clear();
    for (size_t i = 0; i < p.version_count(); ++i) failure->versions.push_back(p.version(i));
    failure->dist_tags = p.dist_tags;
  }
  return NotFound(std::move(message));
}

// Whether `range` could accept some prerelease of `v`'s major.minor.patch: without
// include_prerelease, only a branch with a comparator naming a prerelease of that very
// version (Range::Test's rule), and not one bounded by "<major.minor.patch-0", below
// every prerelease of it (a caret or tilde range's upper bound: "^7.1.0" would otherwise
// read every 8.0.0-x).
bool MayAcceptPrereleaseOf(const semver::Range& range, const semver::Version& v) {
  if (range.options().include_prerelease) return true;
  for (const auto& set : range.sets()) {
    bool named = false, below_all = false;
    for (const semver::Comparator& c : set) {
      if (!c.version || !c.version->is_prerelease() || c.version->major != v.major ||
          c.version->minor != v.minor || c.version->patch != v.patch) {
        continue;
      }
      const std::vector<semver::Identifier>& pre = c.version->prerelease;
      below_all |= c.op == semver::Comparator::Op::kLt && pre.size() == 1 && pre[0].number && pre[0].value == 0;
      named = true;
    }
    if (named && !below_all) return true;
  }
  return false;
}

// The majors one `||` branch of a range can accept: every comparator of the branch must
// hold, and each bounds the major (">=4.2.0" from below, "<5.0.0-0" from above: nothing
// of major 5 is below 5.0.0-0). A key outside every branch's window is refused from its
// leading digits (a caret range would otherwise read each version of the other majors).
struct MajorWindow {
  uint64_t low = 0;
  uint64_t high = UINT64_MAX;
};

std::vector<MajorWindow> MajorWindows(const semver::Range& range) {
  std::vector<MajorWindow> windows;
  for (const auto& set : range.sets()) {
    MajorWindow w;
    for (const semver::Comparator& c : set) {
      if (!c.version) continue;
      const semver::Version& v = *c.version;
      using Op = semver::Comparator::Op;
      if (c.op == Op::kGt || c.op == Op::kGte || c.op == Op::kEq) w.low = std::max(w.low, v.major);
      if (c.op == Op::kLte || c.op == Op::kEq) w.high = std::min(w.high, v.major);
      if (c.op == Op::kLt) {
        bool lowest_of_major = v.minor == 0 && v.patch == 0 && v.prerelease.size() == 1 &&
                               v.prerelease[0].number && v.prerelease[0].value == 0;
        if (!lowest_of_major) {
          w.high = std::min(w.high, v.major);
        } else if (v.major == 0) {
          w = {1, 0};  // Nothing is below 0.0.0-0.
        } else {
          w.high = std::min(w.high, v.major - 1);
        }
      }
    }
    windows.push_back(w);
  }
  return windows;
}

// False when `key` starts with a major (digits, then a dot) that no window holds; true
// when it may match (or its form is left to the full parse).
bool MajorMayMatch(std::string_view key, const std::vector<MajorWindow>& windows) {
  uint64_t major = 0;
  size_t i = 0;
  for (; i < key.size() && i < 15 && key[i] >= '0' && key[i] <= '9'; ++i) {
    major = major * 10 + static_cast<uint64_t>(key[i] - '0');
  }
  if (i == 0 || i == key.size() || key[i] != '.') return true;
  for (const MajorWindow& w : windows) {
    if (major >= w.low && major <= w.high) return true;
  }
  return false;
}

// Range::Parse(text, loose), answered from semver's per-thread memo.
const Result<semver::Range>& ParseRange(std::string_view text) {
  return semver::Range::ParseShared(text, {.loose = true});
}

// ResolveSpec's type for the common forms of `wanted` (spec::PlainSemverText), without
// its general parse: a version when it parses as one, else a range when it parses as one.
// nullopt: ask ResolveSpec.
std::optional<spec::SpecType> QuickSpecType(std::string_view wanted) {
  std::optional<std::string_view> text = spec::PlainSemverText(wanted);
  if (!text) return std::nullopt;
  if (semver::IsValid(*text, true)) return spec::SpecType::kVersion;
  if (ParseRange(*text).ok()) return spec::SpecType::kRange;
  return std::nullopt;
}

void SetRank(const Manifest& m, std::string_view node_version, Candidate& c) {
  c.not_deprecated = !m.deprecated;
  c.engine_ok = EngineOk(m, node_version);
  c.usable = c.engine_ok && c.not_deprecated;
}

// Fills `c`'s ranking flags. The first candidate ranked is nearly always the one picked:
// its manifest is read whole (and kept for the answer); later ones read only the fields
// the ranking needs.
Status Rank(const Packument& p, std::string_view node_version, Candidate& c, bool first) {
  if (first) {
    Result<const Manifest*> whole = p.ManifestAt(c.index);
    if (!whole.ok()) return whole.status();
    SetRank(**whole, node_version, c);
    return Status::Ok();
  }
  Result<Manifest> fields = p.SelectionFieldsAt(c.index);
  if (!fields.ok()) return fields.status();
  SetRank(*fields, node_version, c);
  return Status::Ok();
}

// npm-pick-manifest's isBefore: published at or before `options.before`, or no time known.
bool PublishedInTime(const Packument& p, std::string_view version, const PickOptions& options) {
  if (!options.before) return true;
  const std::string* time = Find(p.time(), version);
  std::optional<int64_t> published = time ? ParseIsoTime(*time) : std::nullopt;
  return !published || *published <= *options.before;
}

// The index of the version PickManifest answers.
Result<size_t> Pick(const Packument& p, std::string_view wanted, const PickOptions& options,
                    PickFailure* failure) {
  std::optional<spec::SpecType> type = QuickSpecType(wanted);
  if (!type || !spec::IsValidDependencyName(p.name)) {
    Result<spec::DepSpec> spec =
        spec::ResolveSpec(p.name, wanted.empty() ? options.default_tag : wanted);
    if (!spec.ok()) return spec.status();
    type = spec->type;
  }
  if (type != spec::SpecType::kTag && type != spec::SpecType::kVersion &&
      type != spec::SpecType::kRange) {
    return InvalidArgument("Only tag, version, and range are supported");
  }
  std::string no_match = "No matching version found for " + p.name + "@" + std::string(wanted) + ".";

  if (!wanted.empty() && type == spec::SpecType::kTag) {
    const std::string* version = p.DistTag(wanted);
    // A tag published too late: the highest version at or below it that was not.
    if (version && !PublishedInTime(p, *version, options)) return Pick(p, "<=" + *version, options, failure);
    std::optional<size_t> index = version ? p.IndexOf(*version) : std::nullopt;
    if (index) return *index;
    return NoMatch(p, wanted, failure, "ETARGET", no_match);
  }
  if (!wanted.empty() && type == spec::SpecType::kVersion) {
    std::optional<std::string> clean = semver::Clean(wanted, true);
    std::optional<size_t> index = clean ? p.IndexOf(*clean) : std::nullopt;
    if (index && PublishedInTime(p, *clean, options)) return *index;
    return NoMatch(p, wanted, failure, "ETARGET", no_match);
  }

  std::string range_text = type == spec::SpecType::kRange ? std::string(wanted) : "*";
  const Result<semver::Range>& range = ParseRange(range_text);
  if (!range.ok()) return range.status();

  // The default tag wins when it satisfies the range ("*" literally admits even a
  // prerelease) and is neither deprecated nor refused by engines. It usually does, so
  // its manifest is read whole at once.
  if (const std::string* tagged = p.DistTag(options.default_tag)) {
    std::optional<size_t> index = p.IndexOf(*tagged);
    if (index && (range_text == "*" || range->Test(*tagged)) && PublishedInTime(p, *tagged, options)) {
      Result<const Manifest*> m = p.ManifestAt(*index);
      if (!m.ok()) return m.status();
      if (!(*m)->deprecated && EngineOk(**m, options.node_version)) return *index;
    }
  }
  bool any_in_time = !options.before;
  for (size_t i = 0; !any_in_time && i < p.version_count(); ++i) any_in_time = PublishedInTime(p, p.version(i), options);
  if (p.version_count() == 0 || !any_in_time) {
    return NoMatch(p, wanted, failure, "ENOVERSIONS", "No versions available for " + p.name);
  }

  std::vector<Candidate> candidates;
  const std::vector<MajorWindow> windows = MajorWindows(*range);
  // Prereleases come in runs of one version ("8.0.0-alpha.0", "8.0.0-alpha.1", ...):
  // whether the range may accept them is asked once a run.
  uint64_t run[3] = {0, 0, 0};
  bool run_accepted = false, in_run = false;
  for (size_t i = 0; i < p.version_count(); ++i) {
    std::string_view key = p.version(i);
    if (!MajorMayMatch(key, windows)) continue;
    // Most keys are plain "1.2.3": read without ParseVersion's general matcher.
    semver::Version v;
    size_t end = semver::ReadPlainTriple(key, &v);
    if (end != key.size()) {
      // "1.2.3-x" is a prerelease of 1.2.3 (or invalid): most ranges refuse it unparsed.
      if (end != std::string_view::npos && key[end] == '-') {
        if (!in_run || v.major != run[0] || v.minor != run[1] || v.patch != run[2]) {
          run[0] = v.major, run[1] = v.minor, run[2] = v.patch;
          run_accepted = MayAcceptPrereleaseOf(*range, v);
          in_run = true;
        }
        if (!run_accepted) continue;
      }
      Result<semver::Version> parsed = semver::ParseVersion(key, true);
      if (!parsed.ok()) continue;
      v = std::move(parsed).value();
    }
    if (!range->Test(v) || !PublishedInTime(p, key, options)) continue;
    candidates.push_back({i, std::move(v)});
  }
  if (candidates.empty()) return NoMatch(p, wanted, failure, "ETARGET", no_match);
  // npm's order is (usable, engine ok, not deprecated, highest version), a stable sort of
  // the document order. Usable comes first, so the highest usable version wins when there
  // is one: look for it from the top and read candidates only as far as needed.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return semver::Compare(a.version, b.version) > 0;
  });
  for (Candidate& c : candidates) {
    Status ranked = Rank(p, options.node_version, c, &c == &candidates.front());
    if (!ranked.ok()) return ranked;
    if (c.usable) return c.index;
  }
  // Array.prototype.sort is stable; the first of equal candidates keeps its place.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.usable != b.usable) return a.usable;
    if (a.engine_ok != b.engine_ok) return a.engine_ok;
    if (a.not_deprecated != b.not_deprecated) return a.not_deprecated;
    return semver::Compare(a.version, b.version) > 0;
  });
  return candidates.front().index;
}

}  // namespace

Result<const Manifest*> PickManifest(const Packument& p, std::string_view wanted,
                                     const PickOptions& options, PickFailure* failure) {
  // The resolver asks the same question more than once (when it speculates and when it
  // places): the answer is kept with the packument, keyed by everything it depends on
  // besides the versions, which do not change. Failures are not kept (they fill
  // `failure`).
  std::string key;
  key.reserve(96);
  auto add = [&key](std::string_view part) {
    char digits[24];
    key.append(digits, std::to_chars(digits, digits + sizeof(digits), part.size()).ptr);
    key += ':';
    key += part;
  };
  for (std::string_view part : {std::string_view(p.name), wanted,
                                std::string_view(options.default_tag),
                                std::string_view(options.node_version)}) {
    add(part);
  }
  if (options.before) add(std::to_string(*options.before));
  for (std::string_view tag : {wanted, std::string_view(options.default_tag)}) {
    const std::string* version = p.DistTag(tag);
    if (version) {
      add(*version);
    } else {
      key += '-';
    }
  }
  if (std::optional<size_t> index = p.RememberedPick(key)) return p.ManifestAt(*index);
  Result<size_t> index = Pick(p, wanted, options, failure);
  if (!index.ok()) return index.status();
  p.RememberPick(std::move(key), *index);
  return p.ManifestAt(*index);
}

std::vector<std::string> NoTargetHelp(const PickFailure& failure) {
  if (failure.code == "ENOVERSIONS") {
    return {"The package " + failure.name + " has no published versions."};
  }
  return {"In most cases you or one of your dependencies are requesting",
          "a package version that doesn't exist."};
}

}  // namespace skua::pm::registry
