#include "pm/lockfile/omit_resolved.h"

#include <string>
#include <unordered_map>

#include "pm/lockfile/edges.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::lockfile {

int OmitRegistryResolved(Lockfile& lock) {
  LockEdges edges(lock);
  // Per target location: whether every edge reaching it so far asks the registry.
  std::unordered_map<std::string, bool> registry_only;
  for (const LockEntry& from : lock.packages) {
    edges.ForEachEdge(from, [&](std::string_view name, std::string_view spec, const std::string& target) {
      Result<spec::DepSpec> parsed = spec::ResolveSpec(name, spec.empty() ? "*" : spec);
      bool registry = parsed.ok() && parsed->registry();
      auto [it, added] = registry_only.emplace(target, registry);
      if (!added) it->second = it->second && registry;
    });
  }
  int changed = 0;
  for (LockEntry& e : lock.packages) {
    auto it = registry_only.find(e.location);
    if (it != registry_only.end() && it->second && e.meta.Remove("resolved")) ++changed;
  }
  return changed;
}

}  // namespace skua::pm::lockfile
