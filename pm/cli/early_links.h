// Links packages into a node_modules this install creates as the tree builder places
// them (or, with a lockfile in sync, as soon as the install's plan is made): at once when
// the store holds them (a warm install's folders and hard links then overlap resolution
// instead of following it), else when their download started during resolution enters
// the store (Inserted; a cold install's overlap its downloads). The finished tree is the
// authority: Reify compares each planned location with what was linked there
// (ChangedPackages' `linked`) and replaces what differs; the installer removes what the
// tree dropped.
//
// Rules: Place() is called from one thread (the resolver's); Finish() once, before
// anything else writes node_modules. Only for a project without node_modules: nothing
// of a previous install is touched, and Discard() can remove the whole folder.
#ifndef SKUA_PM_CLI_EARLY_LINKS_H_
#define SKUA_PM_CLI_EARLY_LINKS_H_

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pm/cli/reify.h"
#include "pm/link/materializer.h"
#include "pm/store/store.h"

namespace skua::pm::cli {

class EarlyLinks {
 public:
  EarlyLinks(std::string project_dir, const store::Store& store);
  ~EarlyLinks();
  EarlyLinks(const EarlyLinks&) = delete;
  EarlyLinks& operator=(const EarlyLinks&) = delete;

  // The builder placed name@version (integrity) at `location` ("node_modules/a/...").
  // Linked later on a worker when the store has it; a location placed again is left to
  // Reify.
  void Place(const std::string& location, const LinkedPackage& package);

  // Thread-safe: the store now has `integrity` (a download started during resolution
  // was extracted). Packages placed before it arrived are linked now.
  void Inserted(const std::string& integrity);

  // Waits for the links under way (packages still waiting for their download are left
  // to Reify); returns the locations that hold a complete package.
  std::map<std::string, LinkedPackage> Finish();

  // After a failure before Reify: finishes, then removes node_modules (this install made
  // it).
  void Discard();

 private:
  struct Job {
    std::string location;
    std::string holder;  // The location whose folder holds this one, or "".
    LinkedPackage package;
    bool retried = false;  // Looked up again after its download entered the store.
  };
  void Work();

  std::string project_dir_;
  const store::Store& store_;
  link::Materializer materializer_;
  // Marks `location` done: the jobs waiting for its folder may go (mutex_ held).
  void Release(const std::string& location);

  std::set<std::string> placed_;  // Place()'s thread only.
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> ready_;          // Guarded by mutex_, as the rest below.
  std::map<std::string, std::vector<Job>> blocked_;  // Holder location -> jobs it holds.
  std::set<std::string> pending_;  // Queued, blocked, being linked, or waiting for the store.
  std::vector<Job> waiting_;       // Placed before the store had them.
  std::set<std::string> inserted_;  // Integrities Inserted() named.
  std::map<std::string, LinkedPackage> linked_;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_EARLY_LINKS_H_
