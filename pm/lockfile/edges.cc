#include "pm/lockfile/edges.h"

namespace skua::pm::lockfile {
LockEdges::LockEdges(const Lockfile& lock) : index_(lock) {}

void LockEdges::ForEachLockEdge(const LockEntry& from, const std::function<void(const LockEdge&)>& fn) const {
  if (from.meta.GetBool("link")) return;
  const JsonValue* peer_meta = from.meta.Get("peerDependenciesMeta");
  for (const char* kind : {"dependencies", "optionalDependencies", "peerDependencies", "devDependencies"}) {
    std::string_view type = kind;
    if (type == "devDependencies" && !IsTopLocation(from.location)) continue;
    const JsonValue* deps = from.meta.Get(kind);
    if (deps == nullptr || !deps->is_object()) continue;
    for (const JsonMember& dep : deps->members()) {
      const LockEntry* target = index_.Resolve(from.location, dep.key);
      if (target == nullptr) continue;
      bool optional = type == "optionalDependencies";
      if (type == "peerDependencies" && peer_meta != nullptr) {
        const JsonValue* meta = peer_meta->Get(dep.key);
        optional = meta != nullptr && meta->GetBool("optional");
      }
      fn({dep.key, dep.value.is_string() ? std::string_view(dep.value.str()) : std::string_view(), target->location,
          optional});
    }
  }
}

void LockEdges::ForEachEdge(const LockEntry& from,
                            const std::function<void(std::string_view, std::string_view,
                                                     const std::string&)>& fn) const {
  ForEachLockEdge(from, [&](const LockEdge& edge) { fn(edge.name, edge.spec, edge.target); });
}

std::set<std::string> LockEdges::Reachable(const std::vector<std::string>& roots) const {
  std::set<std::string> seen;
  std::vector<std::string> todo;
  auto visit = [&](const std::string& location) {
    if (index_.Find(location) && seen.insert(location).second) todo.push_back(location);
  };
  for (const std::string& root : roots) visit(root);
  while (!todo.empty()) {
    std::string location = std::move(todo.back());
    todo.pop_back();
    const LockEntry* entry = index_.Find(location);
    if (entry->meta.GetBool("link")) visit(entry->meta.GetString("resolved"));
    ForEachEdge(*entry, [&](std::string_view, std::string_view, const std::string& target) { visit(target); });
  }
  return seen;
}

}  // namespace skua::pm::lockfile
