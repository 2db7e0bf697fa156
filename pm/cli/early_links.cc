#include "pm/cli/early_links.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "pm/fetch/digest.h"
#include "pm/fsutil/fsutil.h"

namespace skua::pm::cli {
namespace {

// Linking is mostly waiting on the file system; two threads keep it moving beside the
// resolver without taking both cores from it.
constexpr size_t kWorkers = 2;

// "node_modules/a/node_modules/b" -> "node_modules/a"; "node_modules/a" -> "".
std::string HolderOf(const std::string& location) {
  size_t at = location.rfind("/node_modules/");
  return at == std::string::npos ? std::string() : location.substr(0, at);
}

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
    queue_.push_back({location, HolderOf(location), package});
    pending_.insert(location);
  }
  changed_.notify_one();
  if (workers_.size() < kWorkers) workers_.emplace_back([this] { Work(); });
}

// Takes jobs in placement order, except that a package waits while the package whose
// folder holds it is still queued or being linked (its folder must exist first).
void EarlyLinks::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    auto ready = queue_.end();
    changed_.wait(lock, [&] {
      ready = std::find_if(queue_.begin(), queue_.end(),
                           [&](const Job& job) { return !pending_.count(job.holder); });
      return ready != queue_.end() || (closing_ && queue_.empty());
    });
    if (ready == queue_.end()) return;
    Job job = std::move(*ready);
    queue_.erase(ready);
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
        queue_.push_back(std::move(job));
      } else {
        waiting_.push_back(std::move(job));
      }
      continue;
    }
    pending_.erase(job.location);
    if (done) linked_[job.location] = std::move(job.package);
    changed_.notify_all();
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
      queue_.push_back(std::move(*it));
      it = waiting_.erase(it);
    }
  }
  changed_.notify_all();
}

std::map<std::string, LinkedPackage> EarlyLinks::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    for (const Job& job : waiting_) pending_.erase(job.location);
    waiting_.clear();
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
    for (const Job& job : queue_) pending_.erase(job.location);
    queue_.clear();
  }
  Finish();
  Status removed = fsutil::RemoveTree(fsutil::JoinPath(project_dir_, "node_modules"));
  (void)removed;  // The failure that led here is the one to report.
}

}  // namespace skua::pm::cli
