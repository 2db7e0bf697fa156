// A PackumentSource that prefers locked versions: for each pinned name the packument's
// `latest` tag is moved to the (highest) locked version, so npm-pick-manifest's
// "latest when it satisfies" rule keeps that version wherever its range still accepts it
// and picks the highest satisfying version elsewhere. `skua add`, `remove`, `update NAME`
// and an install whose package.json changed keep locked versions this way when the
// lockfile cannot be the tree they start from (tree::StartsFromLockfile: workspaces,
// links, bundles).
#ifndef SKUA_PM_CLI_PINNED_SOURCE_H_
#define SKUA_PM_CLI_PINNED_SOURCE_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/lockfile/lockfile.h"
#include "pm/tree/packument_source.h"

namespace skua::pm::cli {

// name -> the highest version the lockfile holds of it (registry packages only), except
// the names in `unpinned`.
std::map<std::string, std::string, std::less<>> LockedVersions(const lockfile::Lockfile& lock,
                                                               const std::set<std::string>& unpinned);

class PinnedPackumentSource : public tree::PackumentSource {
 public:
  // Lifetime: `inner` must outlive this source.
  PinnedPackumentSource(tree::PackumentSource& inner,
                        std::map<std::string, std::string, std::less<>> pins)
      : inner_(inner), pins_(std::move(pins)) {}

  void Prefetch(const std::vector<std::string>& names) override { inner_.Prefetch(names); }
  Result<const registry::Packument*> Get(std::string_view name) override;
  Result<registry::Manifest> ReadFolder(std::string_view path) override {
    return inner_.ReadFolder(path);
  }

 private:
  tree::PackumentSource& inner_;
  std::map<std::string, std::string, std::less<>> pins_;
  std::map<std::string, std::unique_ptr<registry::Packument>, std::less<>> copies_;
};

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_PINNED_SOURCE_H_
