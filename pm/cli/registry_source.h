// The PackumentSource `skua install` resolves against: packuments from the registry
// client, fetched speculatively ahead of the tree builder (pm-spec §3.2 "Resolution
// without a lockfile"). Every packument that arrives is picked against the specs seen so
// far for its name and the picked versions' dependencies are requested at once, so the
// whole reachable graph is usually in flight in parallel. Get() runs the client only
// until the packument asked for has arrived; the rest (and downloads started for picked
// or placed packages) go on whenever the builder waits again. A guess that misses costs one more
// round trip.
//
// Rules: single-threaded, on the thread that owns the client.
#ifndef SKUA_PM_CLI_REGISTRY_SOURCE_H_
#define SKUA_PM_CLI_REGISTRY_SOURCE_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "pm/registry/client.h"
#include "pm/registry/pick_manifest.h"
#include "pm/tree/packument_source.h"

namespace skua::pm::cli {

class RegistryPackumentSource : public tree::PackumentSource {
 public:
  RegistryPackumentSource(registry::RegistryClient& client, std::string project_dir,
                          registry::PickOptions pick);

  // Starts fetching `name` and, speculatively, what `spec` of it depends on. The root's
  // dependencies are wanted as `primary`: see set_on_picked.
  void Want(const std::string& name, const std::string& spec, bool primary = true);

  // Called with each version the speculation picks for a primary spec (before the
  // builder places anything), e.g. to start its download. Primary specs are the root's
  // and, recursively, the regular and optional dependencies of a version picked for one;
  // a peer range, or what a version picked only for one depends on, is followed for its
  // packuments but not announced: the builder usually dedupes such a range to another
  // version (a peer ">=4.8.4" of typescript picks the newest major and its native
  // binaries, which the root's "~5.8.3" never places).
  void set_on_picked(std::function<void(const registry::Manifest&)> on_picked) {
    on_picked_ = std::move(on_picked);
  }

  void Prefetch(const std::vector<std::string>& names) override;
  Result<const registry::Packument*> Get(std::string_view name) override;
  Result<registry::Manifest> ReadFolder(std::string_view path) override;

  // Resolution is over: packuments still arriving are kept, their dependencies no longer
  // requested. The source must outlive the client's next Run() (callbacks hold it).
  void Stop() { stopped_ = true; }

  size_t fetched() const { return fetched_; }
  // The folders ReadFolder was asked for, as given.
  const std::vector<std::string>& folders_read() const { return folders_read_; }
  size_t from_network() const { return from_network_; }

 private:
  struct Slot {
    bool requested = false;
    bool done = false;
    std::vector<std::string> specs;       // Specs seen, in order (for speculation).
    std::set<std::string> seen;           // The same, to look up.
    std::set<std::string> primary;        // Of `specs`: the primary ones (Want).
    std::set<std::string> expanded;       // Specs whose dependencies were requested.
    std::set<std::string> expanded_primary;  // ... and followed as primary.
    std::unique_ptr<registry::Packument> packument;
    Status error;
  };
  void Request(const std::string& name);
  void Expand(const std::string& name, Slot& slot);
  void Follow(const std::string& dep, const std::string& dep_spec, bool primary);

  registry::RegistryClient& client_;
  std::string project_dir_;
  registry::PickOptions pick_;
  std::map<std::string, Slot, std::less<>> slots_;
  // Dependency edges seen (name '\0' spec) -> whether one was followed as primary.
  std::unordered_map<std::string, bool> followed_;
  std::string follow_key_;  // Follow()'s key into followed_, built in place.
  size_t fetched_ = 0;
  size_t from_network_ = 0;
  std::vector<std::string> folders_read_;
  bool stopped_ = false;
  std::function<void(const registry::Manifest&)> on_picked_;
};

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_REGISTRY_SOURCE_H_
