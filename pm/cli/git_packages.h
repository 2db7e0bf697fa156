// Git dependencies in `skua install` / `ci`: the tree builder's reader (ls-remote, the
// picked commit checked out into the cache, its package.json) and the fetch step (the
// checkout packed as `npm pack` would pack it, then put into the store like a tarball).
//
// Cache: <cache>/git/<repo hash>-<sha>/ holds one commit's files without .git, made by
// renaming a finished temporary folder, so a second install of a locked sha needs no git
// and no network.
#ifndef SKUA_PM_CLI_GIT_PACKAGES_H_
#define SKUA_PM_CLI_GIT_PACKAGES_H_

#include <functional>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "pm/cli/plan.h"
#include "pm/config/config.h"
#include "pm/git/git.h"
#include "pm/spec/dep_spec.h"
#include "pm/store/store.h"
#include "pm/tree/build_ideal_tree.h"

namespace skua::pm::cli {

// A git package with a `prepare` script is built before it is packed, as npm builds it:
// `install` (dev dependencies included) in a copy of the checkout, whose root lifecycle
// runs `prepare`. The installer decides whose preparation may run.
struct GitPrepare {
  // Whether the package called `name` may run its scripts; a refusal fails resolution.
  std::function<bool(const std::string& name)> allowed;
  // Prepares the copy in `dir` of the package fetched from `resolved`. Null: pack
  // unprepared (--ignore-scripts).
  std::function<Status(const std::string& dir, const std::string& name, const std::string& resolved)> run;
};

// What a git package's preparation runs with: this install's configuration (the nested
// install gets it as npm_config_*), folders and `--trust` flags.
struct GitPrepareContext {
  const config::Config* config = nullptr;
  std::string cwd, project_dir;
  std::set<std::string> trust;
  bool trust_all = false;
};

// npm's preparation of a git dependency (pacote's GitFetcher): `skua install` with every
// dependency type in the copy `dir`, whose root lifecycle runs `prepare`. A package
// already being prepared up the chain (SKUA_GIT_PREPARING) is left as it is, so git
// dependencies naming each other do not recurse.
Status PrepareGitCheckout(const GitPrepareContext& context, const std::string& dir,
                          const std::string& name, const std::string& resolved);

class GitPackages {
 public:
  GitPackages(std::string cache_dir, GitPrepare prepare)
      : cache_dir_(std::move(cache_dir)), prepare_(std::move(prepare)) {}

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

  // The folder to pack for the checkout folder `dir`: `dir` itself, or a prepared copy
  // (*copy set, for the caller to remove).
  Result<std::string> Prepared(const std::string& dir, const PlanEntry& p, std::string* copy);

  std::string cache_dir_;
  GitPrepare prepare_;
  std::map<std::string, Result<tree::GitPackage>> read_;
};

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_GIT_PACKAGES_H_
