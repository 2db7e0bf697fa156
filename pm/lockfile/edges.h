// The dependency edges a lockfile records, as npm loads them into its tree: each entry's
// `dependencies`, `optionalDependencies` and `peerDependencies`, and the
// `devDependencies` of top entries (the root, workspaces and other linked folders), each
// leading where Node's lookup finds that name from the entry (ResolveLocation).
#ifndef SKUA_PM_LOCKFILE_EDGES_H_
#define SKUA_PM_LOCKFILE_EDGES_H_

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pm/lockfile/lockfile.h"

namespace skua::pm::lockfile {

// One edge: `optional` for optionalDependencies and for peers peerDependenciesMeta marks
// optional (npm's Edge#optional).
struct LockEdge {
  std::string_view name;
  std::string_view spec;
  const std::string& target;
  bool optional;
};

class LockEdges {
 public:
  explicit LockEdges(const Lockfile& lock);

  // Calls `fn` for each edge out of `from` that reaches an entry.
  void ForEachLockEdge(const LockEntry& from, const std::function<void(const LockEdge&)>& fn) const;

  // Calls `fn(name, spec, target)` for each edge out of `from` that reaches an entry
  // (`target` its location). A link's edges are its target's, so a link has none.
  void ForEachEdge(const LockEntry& from,
                   const std::function<void(std::string_view name, std::string_view spec,
                                            const std::string& target)>& fn) const;

  // The locations reachable from `roots` through edges and from links to their targets
  // (roots included when they are entries).
  std::set<std::string> Reachable(const std::vector<std::string>& roots) const;

 private:
  LocationIndex index_;
};

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_EDGES_H_
