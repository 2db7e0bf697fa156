// The packages installed under a project's node_modules (links followed), each with the
// install scripts npm would run for it and its identity as node_modules/.package-lock.json
// records it (install takes identities from the lockfile, so `trust`, `untrusted`,
// `approve-scripts` and `deny-scripts` do too).
#ifndef SKUA_PM_CLI_INSTALLED_PACKAGES_H_
#define SKUA_PM_CLI_INSTALLED_PACKAGES_H_

#include <string>
#include <utility>
#include <vector>

#include "pm/cli/script_policy.h"
#include "pm/registry/manifest.h"

namespace skua::pm::cli {

struct InstalledPackage {
  std::string location;  // "node_modules/a/node_modules/b"
  std::string dir;       // Real folder (a link's target).
  registry::Manifest manifest;
  std::vector<std::pair<std::string, std::string>> scripts;  // Event, command.
  size_t depth = 0;
  ScriptSubject subject;
  std::string resolved;  // The hidden lockfile's `resolved`, "" when it has none.
  std::string spec() const { return manifest.name + "@" + manifest.version; }
};

// Every package folder below `project_dir`/node_modules, depth first, names sorted within
// a folder.
std::vector<InstalledPackage> InstalledPackages(const std::string& project_dir);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_INSTALLED_PACKAGES_H_
