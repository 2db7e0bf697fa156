// npm's saved dependency specs; see saved_range.h.
#include "pm/cli/saved_range.h"

#include <map>
#include <optional>

#include "pm/lockfile/edges.h"
#include "pm/semver/range.h"
#include "pm/semver/version.h"

namespace skua::pm::cli {

namespace {

// semver.subset(prefix_range, spec) checked on the versions that matter: the packument's
// and the edges of a ^/~ range just past the picked version. Differs from npm: a finite
// check, exact for every range npm users write (`~1.0`, `1.x <1.2.3`, `>=1 <3`).
bool SubsetOnProbes(const std::string& prefix_range, const std::string& spec,
                    const registry::Packument& packument, const semver::Version& v) {
  std::vector<std::string> probes;
  for (size_t i = 0; i < packument.version_count(); ++i) probes.push_back(packument.version(i));
  auto add = [&](uint64_t a, uint64_t b, uint64_t c) {
    probes.push_back(std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c));
  };
  add(v.major, v.minor, v.patch + 1);
  add(v.major, v.minor, 999999);
  add(v.major, v.minor + 1, 0);
  add(v.major, 999999, 999999);
  if (v.major == 0) add(0, v.minor + 1, 0);
  for (const std::string& probe : probes) {
    if (semver::Satisfies(probe, prefix_range) && !semver::Satisfies(probe, spec)) return false;
  }
  return true;
}

// The exact versions dependents' edges name, by the location they lead to (arborist's
// exactVersion: `semver.subset(edge.spec, node.version)`, for the pins people write).
std::map<std::string, std::set<std::string>> ExactPins(const lockfile::Lockfile& lock) {
  lockfile::LockEdges edges(lock);
  std::map<std::string, std::set<std::string>> pins;
  for (const lockfile::LockEntry& e : lock.packages) {
    edges.ForEachEdge(e, [&](std::string_view name, std::string_view spec, const std::string& target) {
      Result<spec::DepSpec> parsed = spec::ResolveSpec(name, spec);
      if (!parsed.ok()) return;
      const spec::DepSpec& sub = parsed->alias ? *parsed->alias : *parsed;
      if (std::optional<std::string> exact = semver::Clean(sub.fetch_spec, true)) pins[target].insert(*exact);
    });
  }
  return pins;
}

}  // namespace

std::string SavedRange(const spec::DepSpec& spec, const std::string& version,
                       const std::string& prefix, const registry::Packument& packument) {
  const spec::DepSpec& sub = spec.alias ? *spec.alias : spec;
  std::string prefix_range = prefix + version;
  std::string range = prefix_range;
  if (sub.type == spec::SpecType::kRange && sub.fetch_spec != "*" && !sub.fetch_spec.empty()) {
    Result<semver::Version> v = semver::ParseVersion(version);
    if (!v.ok() || !SubsetOnProbes(prefix_range, sub.fetch_spec, packument, *v)) range = sub.fetch_spec;
  }
  return spec.alias ? "npm:" + spec.alias->name + "@" + range : range;
}


std::vector<RangeUpdate> UpdatedRanges(
    const PackageJsonEditor& editor, const std::string& from, const lockfile::Lockfile& lock,
    const std::set<std::string>& names, const std::string& prefix,
    const std::function<const registry::Packument*(const std::string&)>& packument_of) {
  std::set<std::string> declared;
  for (DepKind kind : kAllDepKinds) {
    const lockfile::JsonValue* deps = editor.document().Get(DepKindKey(kind));
    if (deps == nullptr || !deps->is_object()) continue;
    for (const lockfile::JsonMember& m : deps->members()) {
      if (names.empty() || names.count(m.key)) declared.insert(m.key);
    }
  }
  lockfile::LocationIndex index(lock);
  const std::map<std::string, std::set<std::string>> pins = ExactPins(lock);
  std::vector<RangeUpdate> out;
  for (const std::string& name : declared) {
    const std::string* spec_text = nullptr;
    for (DepKind kind : {DepKind::kDev, DepKind::kOptional, DepKind::kProd, DepKind::kPeer}) {
      if (!spec_text) spec_text = editor.Dependency(kind, name);
    }
    Result<spec::DepSpec> spec = spec::ResolveSpec(name, *spec_text);
    if (!spec.ok() || !spec->registry()) continue;
    const lockfile::LockEntry* installed = index.Resolve(from, name);
    if (installed == nullptr || installed->location != "node_modules/" + name) continue;
    const std::string version = installed->Version();
    auto pinned = pins.find(installed->location);
    if (version.empty() || (pinned != pins.end() && pinned->second.count(version))) continue;
    const registry::Packument* packument = packument_of(installed->PackageName());
    if (packument == nullptr) continue;
    const std::string saved = SavedRange(*spec, version, prefix, *packument);
    auto set = [&](DepKind kind) {
      const std::string* old = editor.Dependency(kind, name);
      if (old != nullptr && *old != saved) out.push_back({kind, name, saved});
    };
    auto set_unless_intersecting = [&](DepKind kind) {
      const std::string* old = editor.Dependency(kind, name);
      if (old != nullptr && !semver::Intersects(saved, *old, semver::RangeOptions{.loose = true})) set(kind);
    };
    set(DepKind::kProd);
    if (editor.Dependency(DepKind::kDev, name)) {
      set(DepKind::kDev);
      set_unless_intersecting(DepKind::kPeer);
      set_unless_intersecting(DepKind::kOptional);
    } else {
      set(DepKind::kPeer);
      set(DepKind::kOptional);
    }
  }
  return out;
}

void ApplyRangeUpdates(const std::vector<RangeUpdate>& updates, PackageJsonEditor* editor,
                       lockfile::LockEntry* entry) {
  for (const RangeUpdate& u : updates) {
    editor->SetDependency(u.kind, u.name, u.spec);
    if (entry == nullptr) continue;
    lockfile::JsonValue* deps = entry->meta.GetMutable(DepKindKey(u.kind));
    if (deps != nullptr && deps->is_object() && deps->Get(u.name) != nullptr) {
      deps->Set(u.name, lockfile::JsonValue::String(u.spec));
    }
  }
}

}  // namespace skua::pm::cli
