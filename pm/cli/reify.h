// Writes the planned packages into node_modules (pm-spec §2.12): packages that are already
// installed at the same version and integrity are left alone; the others are materialised
// from the store through a staging folder and an atomic swap (pm/link), each package after
// the package whose folder holds it (replacing a folder replaces its nested
// node_modules); stale packages are pruned; bins are linked in (depth, path) order.
#ifndef SKUA_PM_CLI_REIFY_H_
#define SKUA_PM_CLI_REIFY_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/cli/plan.h"
#include "pm/lockfile/lockfile.h"
#include "pm/store/store.h"

namespace skua::pm::cli {

// A package linked into node_modules during resolution (early_links.h).
struct LinkedPackage {
  std::string name;
  std::string version;
  std::string integrity;
};

// Which planned packages must be (re)written: false when node_modules already holds the
// same package. `previous` is the hidden lockfile of the last install, when readable;
// `linked` (may be null) what this install linked during resolution. Locations in
// `force` are rewritten anyway (a newly trusted package is re-copied so that its scripts
// never touch hard-linked store files).
std::vector<bool> ChangedPackages(const std::string& project_dir,
                                  const std::vector<PlanEntry>& packages,
                                  const lockfile::Lockfile* previous,
                                  const std::set<std::string>& force,
                                  const std::map<std::string, LinkedPackage>* linked = nullptr);

struct ReifyStats {
  size_t added = 0;
  size_t changed = 0;
  size_t removed = 0;
};

struct ReifyOptions {
  // node_modules was made by this install (before Reify, by early links): a package
  // whose folder is not there yet is written in place, without staging and rename, and
  // nothing is pruned (the caller removed what the early links placed and the plan
  // lacks).
  bool new_node_modules = false;
  // Locations copied instead of hard-linked (their install scripts will run).
  std::set<std::string> copy_locations;
  // Installed locations the plan lacks that pruning leaves alone (a filtered install's
  // packages outside the filter).
  std::set<std::string> keep_locations;
  std::function<void(size_t done, size_t total)> progress;
  // Called as each stage ends ("materialize", "prune", "bins"), for --verbose timings.
  std::function<void(std::string_view stage)> phase_done;
  // Store entries are not checked file by file before linking: a file missing from an
  // entry makes its link fail (link::Materializer's NotFound). Such packages are set
  // aside, with the packages nested in them, until the rest is linked; then `refetch`
  // gets them marked in a vector parallel to the plan, on Reify's thread, and returns
  // fresh entries for them (the caller removes the damaged ones and fetches them again).
  // Without `refetch`, or when a fresh entry fails too, the install fails.
  std::function<Result<std::vector<std::optional<store::StoreEntry>>>(const std::vector<bool>& damaged)>
      refetch;
};

Result<ReifyStats> Reify(const std::string& project_dir, const std::vector<PlanEntry>& packages,
                         const std::vector<bool>& changed,
                         const std::vector<std::optional<store::StoreEntry>>& entries,
                         const ReifyOptions& options);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_REIFY_H_
