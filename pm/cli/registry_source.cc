#include "pm/cli/registry_source.h"

#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

#include "pm/fsutil/fsutil.h"
#include "pm/registry/manifest.h"
#include "pm/spec/dep_spec.h"
#include "pm/spec/package_name.h"

namespace skua::pm::cli {

RegistryPackumentSource::RegistryPackumentSource(registry::RegistryClient& client,
                                                 std::string project_dir,
                                                 registry::PickOptions pick)
    : client_(client), project_dir_(std::move(project_dir)), pick_(std::move(pick)) {}

void RegistryPackumentSource::Want(const std::string& name, const std::string& spec,
                                   bool primary) {
  Slot& slot = slots_[name];
  bool is_new = slot.seen.insert(spec).second;
  bool newly_primary = primary && slot.primary.insert(spec).second;
  if (!is_new && !newly_primary) return;
  if (is_new) slot.specs.push_back(spec);
  if (slot.done) {
    Expand(name, slot);
  } else {
    Request(name);
  }
}

void RegistryPackumentSource::Request(const std::string& name) {
  Slot& slot = slots_[name];
  if (slot.requested) return;
  slot.requested = true;
  client_.FetchPackument(name, [this, name](Result<registry::PackumentResult> result) {
    Slot& done = slots_[name];
    done.done = true;
    ++fetched_;
    if (!result.ok()) {
      done.error = result.status();
      return;
    }
    if (result->source != registry::PackumentSource::kCache) ++from_network_;
    done.packument = std::make_unique<registry::Packument>(std::move(result).value().packument);
    Expand(name, done);
  });
}

// Picks each seen spec's likely version, in the order the specs were seen (a root's
// spec first), and requests its dependencies' packuments.
void RegistryPackumentSource::Expand(const std::string& name, Slot& slot) {
  if (!slot.packument || stopped_) return;
  std::vector<std::tuple<std::string, std::string, bool>> next;
  for (const std::string& spec : slot.specs) {
    bool primary = slot.primary.count(spec) != 0;
    // A peer range of a name something depends on is usually satisfied by that version.
    if (!primary && !slot.primary.empty()) continue;
    bool first = slot.expanded.insert(spec).second;
    // A spec expanded before it was known as primary is followed again, as primary.
    bool now_primary = primary && slot.expanded_primary.insert(spec).second;
    if (!first && !now_primary) continue;
    Result<const registry::Manifest*> picked = registry::PickManifest(*slot.packument, spec, pick_);
    if (!picked.ok()) continue;
    const registry::Manifest& m = **picked;
    if (primary && on_picked_) on_picked_(m);
    for (const auto* map : {&m.dependencies, &m.optional_dependencies}) {
      for (const auto& [dep, dep_spec] : *map) next.emplace_back(dep, dep_spec, primary);
    }
    if (!first) continue;  // Peers were followed the first time.
    // The builder reads an optional peer's packument (loadPeerSet) but installs it only
    // when something else needs it: its packument is fetched, its dependencies are not.
    for (const auto& [dep, dep_spec] : m.peer_dependencies) {
      if (!m.IsOptionalPeer(dep)) {
        next.emplace_back(dep, dep_spec, false);
      } else if (Result<spec::DepSpec> parsed = spec::ResolveSpec(dep, dep_spec); parsed.ok() && parsed->registry()) {
        Request(parsed->alias ? parsed->alias->name : parsed->name);
      }
    }
  }
  for (const auto& [dep, dep_spec, primary] : next) Follow(dep, dep_spec, primary);
}

void RegistryPackumentSource::Follow(const std::string& dep, const std::string& dep_spec,
                                     bool primary) {
  // Many packages share a dependency edge; following it again would change nothing,
  // unless it is now reached as primary.
  follow_key_.assign(dep).push_back('\0');
  follow_key_.append(dep_spec);
  if (auto seen = followed_.find(follow_key_); seen != followed_.end()) {
    if (!primary || seen->second) return;
    seen->second = true;
  } else {
    followed_.emplace(follow_key_, primary);
  }
  // A plain range of the dependency itself needs no full classification (the builder
  // makes it anyway).
  if (std::optional<std::string_view> range = spec::PlainSemverText(dep_spec);
      range && spec::IsValidDependencyName(dep)) {
    Want(dep, std::string(*range), primary);
    return;
  }
  // Aliases ("npm:real@^1") fetch the real package.
  Result<spec::DepSpec> parsed = spec::ResolveSpec(dep, dep_spec);
  if (!parsed.ok() || !parsed->registry()) return;
  if (parsed->type == spec::SpecType::kAlias) {
    if (parsed->alias) Want(parsed->alias->name, parsed->alias->fetch_spec, primary);
  } else {
    Want(parsed->name, parsed->fetch_spec, primary);
  }
}

void RegistryPackumentSource::Prefetch(const std::vector<std::string>& names) {
  for (const std::string& name : names) Request(name);
}

Result<const registry::Packument*> RegistryPackumentSource::Get(std::string_view name) {
  auto it = slots_.find(name);
  if (it == slots_.end() || !it->second.done) {
    Request(std::string(name));
    it = slots_.find(name);
    // Only this packument is waited for: the rest (and tarballs started for placed
    // packages) go on in later runs while the builder works from memory.
    const Slot& wanted = it->second;
    Status run = client_.RunUntil([&wanted] { return wanted.done; });
    if (!run.ok()) return run;
  }
  const Slot& slot = it->second;
  if (!slot.error.ok()) return slot.error;
  return slot.packument.get();
}

Result<registry::Manifest> RegistryPackumentSource::ReadFolder(std::string_view path) {
  folders_read_.emplace_back(path);
  std::string file = fsutil::JoinPath(fsutil::JoinPath(project_dir_, path), "package.json");
  Result<std::string> text = fsutil::ReadFile(file);
  if (!text.ok()) return NotFound("Could not read package.json in " + std::string(path));
  return registry::ParsePackageJson(*text, file);
}

}  // namespace skua::pm::cli
