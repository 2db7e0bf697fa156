// Puts every planned package into the store: a store hit costs one index read (damage is
// found when linking; see ReifyOptions::refetch); misses are
// downloaded together through the registry client (one thread drives curl) while a pool
// of extractor threads streams each body through sha512 + gunzip + untar into the store
// (pm/registry/tarball_stream.h). An integrity mismatch fails naming the package and
// nothing of it enters the store.
#ifndef SKUA_PM_CLI_FETCH_PACKAGES_H_
#define SKUA_PM_CLI_FETCH_PACKAGES_H_

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
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
  size_t early = 0;  // Of `downloaded`: started during resolution (EarlyFetches).
};

// Called from extractor threads (serialised by the caller's own lock if needed) after
// each package is ready: (done so far, total).
using FetchProgress = std::function<void(size_t done, size_t total)>;

// Downloads started while the tree is still being built: each registry package the
// prefetch picks a first version of (RegistryPackumentSource::set_on_picked) or the
// builder places (tree::BuildOptions::on_placed) is looked up in the store and, when
// missing, its download starts at once (the client drives it whenever the resolver runs
// it). One extractor thread works through the downloads in order during resolution (more
// took the cores from the resolver); FetchPackages adds the rest once it takes over the
// downloads its plan needs. Bytes not extracted yet wait in their stream (up to its limit,
// then the transfer pauses). A download for a pick or placement the builder did not keep
// is still extracted, leaving an unused store entry (unused() counts them).
//
// Rules: Start() and FetchPackages() run on the client's thread. Destroying this object
// before the downloads ran to completion abandons them (nothing of them enters the store);
// the client must then not Run() again.
class EarlyFetches {
 public:
  struct Job;
  EarlyFetches(store::Store& store, registry::RegistryClient& client);
  ~EarlyFetches();
  EarlyFetches(const EarlyFetches&) = delete;
  EarlyFetches& operator=(const EarlyFetches&) = delete;

  // `p` needs name, version, tarball and integrity; without an integrity nothing starts.
  void Start(const PlanEntry& p);
  // Whether the store has `integrity` (remembered): such a package needs no Start(), so
  // no tarball URL either. False for an integrity that does not parse.
  bool InStore(const std::string& integrity);

  // Called on an extractor thread with the planned integrity of each download that
  // entered the store. Set before the first Start().
  void set_on_inserted(std::function<void(const std::string& integrity)> on_inserted) {
    on_inserted_ = std::move(on_inserted);
  }

  size_t started() const { return jobs_.size(); }  // Downloads started.
  uint64_t bytes_received() const;                  // Their bytes so far.
  size_t unused() const;  // Downloads FetchPackages did not take (after it ran).

 private:
  friend Result<std::vector<std::optional<store::StoreEntry>>> FetchPackages(
      const std::vector<PlanEntry>&, const std::vector<bool>&, store::Store&,
      registry::RegistryClient&, const FetchProgress&, FetchStats*, EarlyFetches*);
  static std::string Key(const PlanEntry& p) { return p.integrity + ' ' + p.tarball; }
  void Extract();  // Starts the rest of the extractor threads (FetchPackages).
  void Work();
  void Wait(const Job& job);

  store::Store& store_;
  registry::RegistryClient& client_;
  // Integrities found in the store: FetchPackages reads their entries (on several threads).
  std::set<std::string> in_store_;
  std::map<std::string, Job*> by_key_;
  std::vector<std::unique_ptr<Job>> jobs_;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::function<void(const std::string&)> on_inserted_;
  size_t next_ = 0;        // The next job a worker takes; guarded by mutex_.
  bool closing_ = false;   // Guarded by mutex_.
};

// Returns one entry per element of `packages` (nullopt for links). `needed[i]` false
// skips the package (already installed and unchanged). `early` (may be null): downloads
// already started for some of the packages.
Result<std::vector<std::optional<store::StoreEntry>>> FetchPackages(
    const std::vector<PlanEntry>& packages, const std::vector<bool>& needed,
    store::Store& store, registry::RegistryClient& client, const FetchProgress& progress,
    FetchStats* stats, EarlyFetches* early = nullptr);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_FETCH_PACKAGES_H_
