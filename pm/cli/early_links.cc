#include "pm/cli/early_links.h"

#include <optional>
#include <utility>

#include "pm/fetch/digest.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/lockfile.h"

namespace skua::pm::cli {
namespace {

// Linking is mostly waiting on the file system; two threads keep it moving beside the
// resolver without taking both cores from it.
constexpr size_t kWorkers = 2;

}  // namespace

EarlyLinks::EarlyLinks(std::string project_dir, const store::Store& store)
    : project_dir_(std::move(project_dir)), store_(store) {
  // Every folder it writes is new: no staging and rename.
  materializer_.set_in_place(true);
}

EarlyLinks::~EarlyLinks() { Finish(); }

void EarlyLinks::Place(const std::string& location, const LinkedPackage& package) {
  if (package.integrity.empty() || !location.starts_with("node_modules/")) return;
  if (!placed_.insert(location).second) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closing_) return;
    ready_.push_back({location, lockfile::HolderLocation(location), package});
    pending_.insert(location);
  }
  changed_.notify_one();
  if (workers_.size() < kWorkers) workers_.emplace_back([this] { Work(); });
}

void EarlyLinks::Release(const std::string& location) {
  pending_.erase(location);
  auto held = blocked_.find(location);
  if (held == blocked_.end()) return;
  for (Job& job : held->second) ready_.push_back(std::move(job));
  blocked_.erase(held);
  changed_.notify_all();
}

// Takes jobs in placement order, except that a package waits (in blocked_) while the
// package whose folder holds it is still queued or being linked: its folder must exist
// first. Each step is O(log n) under the lock, which Place() shares with the resolver.
void EarlyLinks::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return !ready_.empty() || (closing_ && blocked_.empty()); });
    if (ready_.empty()) {
      changed_.notify_all();  // Closing and drained: the other workers end too.
      return;
    }
    Job job = std::move(ready_.front());
    ready_.pop_front();
    if (!job.holder.empty() && pending_.count(job.holder)) {
      blocked_[job.holder].push_back(std::move(job));
      continue;
    }
    lock.unlock();
    bool done = false, missing = false;
    if (Result<fetch::ExpectedIntegrity> integrity = fetch::ParseIntegrity(job.package.integrity);
        integrity.ok()) {
      if (std::optional<store::StoreEntry> entry = store_.Lookup(*integrity)) {
        done = materializer_
                   .Materialize(entry->package_dir, entry->index,
                                fsutil::JoinPath(project_dir_, job.location))
                   .ok();
      } else {
        missing = true;
      }
    }
    lock.lock();
    if (missing && !job.retried && !closing_) {
      // Its download may be under way: it waits for Inserted() (still pending, so the
      // packages it holds wait too), or goes round once more if that came meanwhile.
      job.retried = inserted_.count(job.package.integrity) > 0;
      if (job.retried) {
        ready_.push_back(std::move(job));
      } else {
        waiting_.push_back(std::move(job));
      }
      continue;
    }
    if (done) linked_[job.location] = job.package;
    Release(job.location);
  }
}

void EarlyLinks::Inserted(const std::string& integrity) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    inserted_.insert(integrity);
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (it->package.integrity != integrity) {
        ++it;
        continue;
      }
      it->retried = true;
      ready_.push_back(std::move(*it));
      it = waiting_.erase(it);
    }
  }
  changed_.notify_all();
}

std::map<std::string, LinkedPackage> EarlyLinks::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    // Left to Reify; what they hold is linked anyway (its folder's parents are made).
    std::vector<Job> waiting = std::move(waiting_);
    waiting_.clear();
    for (const Job& job : waiting) Release(job.location);
  }
  changed_.notify_all();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
  std::lock_guard<std::mutex> lock(mutex_);
  return linked_;
}

void EarlyLinks::Discard() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Job& job : ready_) pending_.erase(job.location);
    ready_.clear();
    for (const auto& [holder, jobs] : blocked_) {
      for (const Job& job : jobs) pending_.erase(job.location);
    }
    blocked_.clear();
  }
  Finish();
  Status removed = fsutil::RemoveTree(fsutil::JoinPath(project_dir_, "node_modules"));
  (void)removed;  // The failure that led here is the one to report.
}

}  // namespace skua::pm::cli
