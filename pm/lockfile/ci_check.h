// `skua ci`'s refusal when package.json and package-lock.json disagree (pm-spec §2.7.5).
// npm builds an ideal tree from the lockfile plus package.json (which may consult the
// registry) and compares inventories; both halves are here: ValidateInventory is npm's
// comparison given that tree, CheckInSync an offline check that needs no registry.
#ifndef SKUA_PM_LOCKFILE_CI_CHECK_H_
#define SKUA_PM_LOCKFILE_CI_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/lockfile/lockfile.h"

namespace skua::pm::lockfile {

// One installed package of a tree: location, package name, version.
struct InventoryItem {
  std::string location;
  std::string name;
  std::string version;
};

// npm's validate-lockfile: for every item of the ideal tree, "Missing: name@version from
// lock file" when the lockfile has nothing at that location, or "Invalid: lock file's
// name@v1 does not satisfy name@v2" when the versions differ. Extra lockfile entries are
// not errors (npm prunes them).
std::vector<std::string> ValidateInventory(const Lockfile& lock, const std::vector<InventoryItem>& ideal);

// Without a registry: every dependency of the root (dependencies, optionalDependencies,
// devDependencies, non-optional peerDependencies unless `legacy_peer_deps`) and of every
// locked package must resolve, by the node_modules walk over the lockfile's locations,
// to an entry whose version satisfies the spec, package.json's `overrides` applied as
// npm applies them down the tree. Mismatches use npm's lines, with the spec in place of
// the version npm's ideal tree would have picked.
std::vector<std::string> CheckInSync(std::string_view package_json, const Lockfile& lock, bool legacy_peer_deps);

// One workspace as the lockfile check needs it (pm/workspaces finds them).
struct WorkspaceDecl {
  std::string name;
  std::string path;          // "packages/a"
  std::string package_json;  // Its text.
};

// The workspaces against the lockfile: the root entry's `workspaces` equals
// package.json's (`root_package_json`), each workspace has its link
// (node_modules/<name> -> path) and its folder entry, the folder entry declares what the
// workspace's package.json declares, and its dependencies (devDependencies included)
// resolve from the folder as CheckInSync resolves them. Lines name what differs.
std::vector<std::string> CheckWorkspacesInSync(std::string_view root_package_json, const Lockfile& lock,
                                               const std::vector<WorkspaceDecl>& workspaces);

// The error `skua ci` stops with: npm's text (with skua's command names) and the lines.
// Differs from npm: says `skua ci` / `skua install` where npm names itself.
Status CiOutOfSyncError(const std::vector<std::string>& problems);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_CI_CHECK_H_
