#include "pm/lockfile/omit_resolved.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "pm/spec/dep_spec.h"

namespace skua::pm::lockfile {
namespace {

// The root, workspaces and other linked folders: npm loads their devDependencies too.
bool IsTopLocation(const std::string& location) {
  return !location.starts_with("node_modules/") && location.find("/node_modules/") == std::string::npos;
}

}  // namespace

int OmitRegistryResolved(Lockfile& lock) {
  std::unordered_set<std::string> locations;
  for (const LockEntry& e : lock.packages) locations.insert(e.location);
  auto exists = [&locations](const std::string& location) { return locations.count(location) > 0; };
  // Per target location: whether every edge reaching it so far asks the registry.
  std::unordered_map<std::string, bool> registry_only;
  for (const LockEntry& from : lock.packages) {
    if (from.meta.GetBool("link")) continue;  // A link's edges are its target's.
    for (const char* kind : {"dependencies", "optionalDependencies", "peerDependencies", "devDependencies"}) {
      if (std::string_view(kind) == "devDependencies" && !IsTopLocation(from.location)) continue;
      const JsonValue* deps = from.meta.Get(kind);
      if (deps == nullptr || !deps->is_object()) continue;
      for (const JsonMember& dep : deps->members()) {
        std::string target = ResolveLocation(from.location, dep.key, exists);
        if (target.empty()) continue;
        Result<spec::DepSpec> spec = spec::ResolveSpec(dep.key, dep.value.is_string() ? dep.value.str() : "*");
        bool registry = spec.ok() && spec->registry();
        auto [it, added] = registry_only.emplace(target, registry);
        if (!added) it->second = it->second && registry;
      }
    }
  }
  int changed = 0;
  for (LockEntry& e : lock.packages) {
    auto it = registry_only.find(e.location);
    if (it != registry_only.end() && it->second && e.meta.Remove("resolved")) ++changed;
  }
  return changed;
}

}  // namespace skua::pm::lockfile
