// Puts every planned package into the store: a store hit costs one index read (damage is
// found when linking; see ReifyOptions::refetch); misses are
// downloaded together through the registry client (one thread drives curl) while a pool
// of extractor threads streams each body through sha512 + gunzip + untar into the store
// (pm/registry/tarball_stream.h). An integrity mismatch fails naming the package and
// nothing of it enters the store.
#ifndef SKUA_PM_CLI_FETCH_PACKAGES_H_
#define SKUA_PM_CLI_FETCH_PACKAGES_H_

#include <functional>
#include <optional>
#include <vector>

#include "base/status.h"
#include "pm/cli/plan.h"
#include "pm/registry/client.h"
#include "pm/store/store.h"

namespace skua::pm::cli {

struct FetchStats {
  size_t from_store = 0;
  size_t downloaded = 0;
  size_t repaired = 0;  // Damaged store entries removed and downloaded again (by reify).
  uint64_t bytes = 0;
};

// Called from extractor threads (serialised by the caller's own lock if needed) after
// each package is ready: (done so far, total).
using FetchProgress = std::function<void(size_t done, size_t total)>;

// Returns one entry per element of `packages` (nullopt for links). `needed[i]` false
// skips the package (already installed and unchanged).
Result<std::vector<std::optional<store::StoreEntry>>> FetchPackages(
    const std::vector<PlanEntry>& packages, const std::vector<bool>& needed,
    store::Store& store, registry::RegistryClient& client, const FetchProgress& progress,
    FetchStats* stats);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_FETCH_PACKAGES_H_
