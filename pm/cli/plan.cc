#include "pm/cli/plan.h"

#include <algorithm>

#include "pm/lockfile/optional_set.h"
#include "pm/registry/manifest.h"
#include "pm/registry/platform.h"

namespace skua::pm::cli {

namespace {

std::vector<std::string> StringList(const lockfile::JsonValue* value) {
  std::vector<std::string> out;
  if (value == nullptr) return out;
  if (value->is_string()) out.push_back(value->str());
  if (value->is_array()) {
    for (const auto& item : value->items()) {
      if (item.is_string()) out.push_back(item.str());
    }
  }
  return out;
}

bool Omitted(const lockfile::JsonValue& meta, const std::set<std::string>& omit) {
  if (meta.GetBool("dev") && omit.count("dev")) return true;
  if (meta.GetBool("optional") && omit.count("optional")) return true;
  if (meta.GetBool("devOptional") && omit.count("dev") && omit.count("optional")) return true;
  if (meta.GetBool("peer") && omit.count("peer")) return true;
  return false;
}

// What the platform check reads of an entry.
registry::Manifest InstallChecks(const lockfile::LockEntry& entry) {
  registry::Manifest m;
  m.name = entry.PackageName();
  m.version = entry.Version();
  m.os = StringList(entry.meta.Get("os"));
  m.cpu = StringList(entry.meta.Get("cpu"));
  m.libc = StringList(entry.meta.Get("libc"));
  return m;
}

}  // namespace

Result<std::string> TarballUrl(const config::NetworkOptions& network, const std::string& name,
                               const std::string& version, const std::string& resolved) {
  Result<std::string> registry = network.RegistryFor(name);
  std::string unscoped = name.substr(name.find('/') == std::string::npos ? 0 : name.find('/') + 1);
  std::string layout = name + "/-/";
  if (resolved.empty()) {
    if (!registry.ok()) return registry.status();
    return *registry + layout + unscoped + "-" + version + ".tgz";
  }
  // npm's replace-registry-host: ".../<name>/-/<file>.tgz" moves to the configured registry.
  size_t at = resolved.rfind("/" + layout);
  if (registry.ok() && at != std::string::npos && resolved.find("://") != std::string::npos) {
    return *registry + resolved.substr(at + 1);
  }
  return resolved;
}

Result<InstallPlan> PlanFromLockfile(const lockfile::Lockfile& lock,
                                     const config::NetworkOptions& network,
                                     const PlanOptions& options) {
  InstallPlan plan;
  const lockfile::LocationIndex index(lock);
  // Reserved: growing a vector of ~1,000 entries this size made glibc consolidate its
  // free lists at each step.
  plan.packages.reserve(lock.packages.size());
  std::vector<std::string> excluded;  // Locations dropped; their nested entries go too.
  // npm's #checkEngineAndPlatform: an optional package for another platform takes its
  // optional set along. npm also leaves out an optional package whose engines.node its
  // Node does not meet; skua does not (pm/README: its declared Node version, 20.11.1, is
  // below what many current native bindings ask, "^20.19.0 || >=22.12.0", and leaving
  // them out would leave their tools without a binding).
  const std::set<std::string> inert = lockfile::InertLocations(lock, [&](const lockfile::LockEntry& e) {
    return !registry::CheckPlatform(InstallChecks(e), options.platform).ok();
  });
  for (const lockfile::LockEntry& entry : lock.packages) {
    const std::string& loc = entry.location;
    // The root and link targets are not installed; a workspace's own node_modules is.
    if (lockfile::IsTopLocation(loc)) continue;
    bool below_excluded = std::any_of(excluded.begin(), excluded.end(), [&](const std::string& e) {
      return lockfile::IsInside(loc, e);
    });
    const lockfile::JsonValue& meta = entry.meta;
    if (below_excluded || Omitted(meta, options.omit)) {
      excluded.push_back(loc);
      plan.left_out.insert(loc);
      continue;
    }
    PlanEntry p;
    p.location = loc;
    p.folder = lockfile::NameFromLocation(loc);
    p.name = entry.PackageName();
    p.version = entry.Version();
    p.depth = lockfile::LocationDepth(loc);
    if (inert.count(loc)) {
      if (!meta.GetBool("inert")) plan.skipped.push_back(p.spec());
      excluded.push_back(loc);
      plan.left_out.insert(loc);
      continue;
    }
    if (meta.GetBool("link")) {
      p.link_target = meta.GetString("resolved");
      // The target's own entry (outside node_modules) says what the package is.
      if (const lockfile::LockEntry* target = lock.Find(p.link_target)) {
        p.version = target->Version();
        p.has_install_script = target->meta.GetBool("hasInstallScript");
        p.has_bin = target->meta.Get("bin") != nullptr;
      }
      plan.packages.push_back(std::move(p));
      continue;
    }
    // What is not optional must fit the host (npm's EBADPLATFORM).
    if (!meta.GetBool("optional")) {
      const registry::Platform& host = options.host_platform ? *options.host_platform : options.platform;
      if (Status fits = registry::CheckPlatform(InstallChecks(entry), host); !fits.ok()) return fits;
    }
    Result<std::string> url = TarballUrl(network, p.name, p.version, meta.GetString("resolved"));
    if (!url.ok()) return url.status();
    p.tarball = *url;
    p.integrity = meta.GetString("integrity");
    p.has_install_script = meta.GetBool("hasInstallScript");
    p.in_bundle = lockfile::InDependencyBundle(index, loc);
    p.has_bin = meta.Get("bin") != nullptr;
    plan.packages.push_back(std::move(p));
  }
  std::stable_sort(plan.packages.begin(), plan.packages.end(),
                   [](const PlanEntry& a, const PlanEntry& b) {
                     if (a.depth != b.depth) return a.depth < b.depth;
                     return a.location < b.location;
                   });
  return plan;
}

}  // namespace skua::pm::cli
