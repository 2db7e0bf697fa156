#include "pm/cli/pinned_source.h"

#include "pm/semver/version.h"

namespace skua::pm::cli {

std::map<std::string, std::string, std::less<>> LockedVersions(const lockfile::Lockfile& lock,
                                                               const std::set<std::string>& unpinned) {
  std::map<std::string, std::string, std::less<>> pins;
  for (const lockfile::LockEntry& entry : lock.packages) {
    if (entry.location.empty() || entry.meta.GetBool("link")) continue;
    std::string name = entry.PackageName();
    if (unpinned.count(name)) continue;
    Result<semver::Version> version = semver::ParseVersion(entry.Version());
    if (!version.ok()) continue;
    auto [it, inserted] = pins.emplace(name, entry.Version());
    if (!inserted) {
      Result<semver::Version> held = semver::ParseVersion(it->second);
      if (held.ok() && semver::Compare(*held, *version) < 0) it->second = entry.Version();
    }
  }
  return pins;
}

Result<const registry::Packument*> PinnedPackumentSource::Get(std::string_view name) {
  Result<const registry::Packument*> original = inner_.Get(name);
  auto pin = pins_.find(name);
  if (!original.ok() || pin == pins_.end() || !(*original)->IndexOf(pin->second)) {
    return original;
  }
  auto copy = copies_.find(name);
  if (copy == copies_.end()) {
    auto pinned = std::make_unique<registry::Packument>(**original);
    bool set = false;
    for (auto& [tag, version] : pinned->dist_tags) {
      if (tag == "latest") {
        version = pin->second;
        set = true;
      }
    }
    if (!set) pinned->dist_tags.emplace_back("latest", pin->second);
    copy = copies_.emplace(std::string(name), std::move(pinned)).first;
  }
  return static_cast<const registry::Packument*>(copy->second.get());
}

}  // namespace skua::pm::cli
