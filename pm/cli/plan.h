// What an install puts into node_modules, read from the lockfile it will write: one
// entry per package location, with the URL to fetch (npm's replace-registry-host: a
// registry-layout `resolved` is fetched from the configured registry), the integrity,
// bins and script flags, after dropping what `omit` and the platform exclude.
#ifndef SKUA_PM_CLI_PLAN_H_
#define SKUA_PM_CLI_PLAN_H_

#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "pm/config/network_options.h"
#include "pm/lockfile/lockfile.h"
#include "pm/registry/platform.h"

namespace skua::pm::cli {

struct PlanEntry {
  std::string location;  // "node_modules/a/node_modules/@s/b"
  std::string folder;    // "@s/b": the name under its node_modules.
  std::string name;      // The package's real name (differs for aliases).
  std::string version;
  std::string tarball;     // The URL to fetch; "" for links.
  std::string integrity;   // SRI from the lockfile; may be empty.
  std::string link_target; // Links: project-relative folder.
  bool has_install_script = false;
  bool in_bundle = false;  // Shipped inside its parent's tarball: never fetched or written.
  bool has_bin = false;  // Bins are read from the installed package.json (validated).
  int depth = 0;  // Count of "node_modules/" segments minus one.

  bool is_link() const { return !link_target.empty(); }
  std::string spec() const { return name + "@" + version; }
};

struct PlanOptions {
  std::set<std::string> omit;  // "dev", "optional", "peer".
  registry::Platform platform;  // Optional packages that do not fit are skipped.
  // What a package that is not optional must fit (unset: `platform`); see
  // tree::BuildOptions::host_platform.
  std::optional<registry::Platform> host_platform;
};

struct InstallPlan {
  std::vector<PlanEntry> packages;   // Sorted by (depth, location).
  // Optional packages left out (lockfile::InertLocations: for another platform, or only
  // needed by such a package), as "name@version".
  std::vector<std::string> skipped;
  // Every lockfile location not installed: omitted, skipped, and what they hold.
  std::set<std::string> left_out;
};

Result<InstallPlan> PlanFromLockfile(const lockfile::Lockfile& lock,
                                     const config::NetworkOptions& network,
                                     const PlanOptions& options);

// The URL a lockfile entry's tarball is fetched from (see above); `resolved` may be empty.
Result<std::string> TarballUrl(const config::NetworkOptions& network, const std::string& name,
                               const std::string& version, const std::string& resolved);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_PLAN_H_
