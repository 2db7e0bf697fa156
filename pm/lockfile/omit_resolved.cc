#include "pm/lockfile/omit_resolved.h"

#include <string>
#include <unordered_map>

#include "pm/lockfile/edges.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::lockfile {

int OmitRegistryResolved(Lockfile& lock) {
  // A lockfile written with the option has nothing to remove: the usual case, kept cheap.
  bool any = false;
  for (const LockEntry& e : lock.packages) {
    if (!e.meta.GetBool("link") && e.meta.Get("resolved") != nullptr) {
      any = true;
      break;
    }
  }
  if (!any) return 0;
  LockEdges edges(lock);
  // Per target location: whether every edge reaching it so far asks the registry.
  std::unordered_map<std::string, bool> registry_only;
  for (const LockEntry& from : lock.packages) {
    edges.ForEachEdge(from, [&](std::string_view name, std::string_view spec, const std::string& target) {
      bool registry = spec::PlainSemverText(spec).has_value();
      if (!registry) {
        Result<spec::DepSpec> parsed = spec::ResolveSpec(name, spec.empty() ? "*" : spec);
        registry = parsed.ok() && parsed->registry();
      }
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
