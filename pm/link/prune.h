// Removal of what an install no longer wants in one node_modules folder: stale package
// folders, leftovers of interrupted installs (staging and retired folders, temporary bin
// links), and `.bin` links whose target is gone (pm-spec §2.12 steps 1 and 10).
#ifndef SKUA_PM_LINK_PRUNE_H_
#define SKUA_PM_LINK_PRUNE_H_

#include <set>
#include <string>
#include <vector>

#include "base/status.h"

namespace skua::pm::link {

// Removes from `node_modules` every package folder whose name ("a" or "@scope/a") is not
// in `keep`, every `.skua-staging-*` / `.skua-retired-*` folder (also inside scope
// folders), emptied scope folders, and `.bin` entries that are dangling links or
// temporary links. Other dot-names (.bin itself, .package-lock.json, .cache, .skua) are
// left alone. Nested node_modules folders are the caller's (call once per folder); a
// missing `node_modules` is an empty one.
// Returns the removed package names, sorted.
Result<std::vector<std::string>> PruneNodeModules(const std::string& node_modules,
                                                  const std::set<std::string>& keep);

}  // namespace skua::pm::link

#endif  // SKUA_PM_LINK_PRUNE_H_
