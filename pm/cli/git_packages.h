// Git dependencies in `skua install` / `ci`: the tree builder's reader (ls-remote, the
// picked commit checked out into the cache, its package.json) and the fetch step (the
// checkout packed as `npm pack` would pack it, then put into the store like a tarball).
//
// Cache: <cache>/git/<repo hash>-<sha>/ holds one commit's files without .git, made by
// renaming a finished temporary folder, so a second install of a locked sha needs no git
// and no network.
#ifndef SKUA_PM_CLI_GIT_PACKAGES_H_
#define SKUA_PM_CLI_GIT_PACKAGES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "pm/cli/plan.h"
#include "pm/git/git.h"
#include "pm/spec/dep_spec.h"
#include "pm/store/store.h"
#include "pm/tree/build_ideal_tree.h"

namespace skua::pm::cli {

class GitPackages {
 public:
  explicit GitPackages(std::string cache_dir) : cache_dir_(std::move(cache_dir)) {}

  // For tree::BuildOptions::read_git; remembered per (name, spec).
  Result<tree::GitPackage> Read(const spec::DepSpec& spec);

  // Puts the planned packages whose `tarball` is a git resolved URL into the store:
  // fills their `entries` and clears their `needed` flag so FetchPackages skips them.
  Status Fetch(const std::vector<PlanEntry>& packages, std::vector<bool>* needed,
               store::Store& store, std::vector<std::optional<store::StoreEntry>>* entries);

 private:
  struct Checkout {
    std::string dir;
    std::string sha;
  };
  // The cached checkout of `committish` (a sha; short ones are resolved by fetching).
  Result<Checkout> CheckoutOf(const git::GitRepo& repo, const std::string& committish);

  std::string cache_dir_;
  std::map<std::string, Result<tree::GitPackage>> read_;
};

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_GIT_PACKAGES_H_
