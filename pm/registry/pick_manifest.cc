// npm-pick-manifest's selection order, without its staged/restricted/avoid/before
// options (npm's CLI does not use them for installs from a public-style registry).
#include "pm/registry/pick_manifest.h"

#include <algorithm>
#include <optional>

#include "pm/registry/platform.h"
#include "pm/semver/range.h"
#include "pm/semver/version.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::registry {

namespace {

struct Candidate {
  const Manifest* manifest;
  semver::Version version;
  bool usable;  // Not deprecated and engine ok.
  bool engine_ok;
  bool not_deprecated;
};

Result<const Manifest*> NoMatch(const Packument& p, std::string_view wanted, PickFailure* failure,
                                const char* code, std::string message) {
  if (failure != nullptr) {
    failure->code = code;
    failure->name = p.name;
    failure->wanted = std::string(wanted);
    failure->versions.clear();
    for (const Manifest& m : p.versions) failure->versions.push_back(m.version);
    failure->dist_tags = p.dist_tags;
  }
  return NotFound(std::move(message));
}

}  // namespace

Result<const Manifest*> PickManifest(const Packument& p, std::string_view wanted,
                                     const PickOptions& options, PickFailure* failure) {
  Result<spec::DepSpec> spec = spec::ResolveSpec(p.name, wanted.empty() ? options.default_tag : wanted);
  if (!spec.ok()) return spec.status();
  if (spec->type != spec::SpecType::kTag && spec->type != spec::SpecType::kVersion &&
      spec->type != spec::SpecType::kRange) {
    return InvalidArgument("Only tag, version, and range are supported");
  }
  std::string no_match = "No matching version found for " + p.name + "@" + std::string(wanted) + ".";

  if (!wanted.empty() && spec->type == spec::SpecType::kTag) {
    const std::string* version = p.DistTag(wanted);
    const Manifest* m = version ? p.FindVersion(*version) : nullptr;
    if (m != nullptr) return m;
    return NoMatch(p, wanted, failure, "ETARGET", no_match);
  }
  if (!wanted.empty() && spec->type == spec::SpecType::kVersion) {
    std::optional<std::string> clean = semver::Clean(wanted, true);
    const Manifest* m = clean ? p.FindVersion(*clean) : nullptr;
    if (m != nullptr) return m;
    return NoMatch(p, wanted, failure, "ETARGET", no_match);
  }

  std::string range_text = spec->type == spec::SpecType::kRange ? std::string(wanted) : "*";
  Result<semver::Range> range = semver::Range::Parse(range_text, {.loose = true});
  if (!range.ok()) return range.status();

  // The default tag wins when it satisfies the range ("*" literally admits even a
  // prerelease) and is neither deprecated nor refused by engines.
  if (const std::string* tagged = p.DistTag(options.default_tag)) {
    const Manifest* m = p.FindVersion(*tagged);
    if (m != nullptr && (range_text == "*" || range->Test(*tagged)) && !m->deprecated &&
        EngineOk(*m, options.node_version)) {
      return m;
    }
  }
  if (p.versions.empty()) {
    return NoMatch(p, wanted, failure, "ENOVERSIONS", "No versions available for " + p.name);
  }

  std::vector<Candidate> candidates;
  for (const Manifest& m : p.versions) {
    Result<semver::Version> v = semver::ParseVersion(m.version, true);
    if (!v.ok() || !range->Test(*v)) continue;
    candidates.push_back({&m, std::move(v).value(), false, false, !m.deprecated});
  }
  if (candidates.empty()) return NoMatch(p, wanted, failure, "ETARGET", no_match);
  // npm's order is (usable, engine ok, not deprecated, highest version), a stable sort of
  // the document order. Usable comes first, so the highest usable version wins when there
  // is one: look for it from the top and check engines only as far as needed.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return semver::Compare(a.version, b.version) > 0;
  });
  for (const Candidate& c : candidates) {
    if (c.not_deprecated && EngineOk(*c.manifest, options.node_version)) return c.manifest;
  }
  for (Candidate& c : candidates) {
    c.engine_ok = EngineOk(*c.manifest, options.node_version);
    c.usable = c.engine_ok && c.not_deprecated;
  }
  // Array.prototype.sort is stable; the first of equal candidates keeps its place.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.usable != b.usable) return a.usable;
    if (a.engine_ok != b.engine_ok) return a.engine_ok;
    if (a.not_deprecated != b.not_deprecated) return a.not_deprecated;
    return semver::Compare(a.version, b.version) > 0;
  });
  return candidates.front().manifest;
}

std::vector<std::string> NoTargetHelp(const PickFailure& failure) {
  if (failure.code == "ENOVERSIONS") {
    return {"The package " + failure.name + " has no published versions."};
  }
  return {"In most cases you or one of your dependencies are requesting",
          "a package version that doesn't exist."};
}

}  // namespace skua::pm::registry
