// Installing the plan into node_modules; see reify.h.
#include "pm/cli/reify.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "pm/fsutil/fsutil.h"
#include "pm/link/bin_links.h"
#include "pm/link/materializer.h"
#include "pm/link/prune.h"
#include "pm/registry/manifest.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

// Linking is system calls that wait on the file system (directory creation above all),
// so twice as many threads as cores keep the cores busy; more only spin on the locks of
// the shared node_modules folders (measured on 2 cores: 8 threads cost more system time
// than 4, with no gain in wall time).
size_t LinkThreads() {
  static const size_t threads = std::clamp<size_t>(2 * std::thread::hardware_concurrency(), 2, 8);
  return threads;
}

std::string ParentDir(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// The node_modules folder holding `location`, and the package folder name in it.
std::string HoldingFolder(const std::string& location, const std::string& folder) {
  return location.substr(0, location.size() - folder.size() - 1);
}

// Installed package.json's name and version equal the plan's.
bool InstalledMatches(const std::string& dir, const PlanEntry& p) {
  Result<std::string> text = fsutil::ReadFile(JoinPath(dir, "package.json"));
  if (!text.ok()) return false;
  Result<registry::Manifest> m = registry::ParsePackageJson(*text, dir);
  return m.ok() && m->name == p.name && m->version == p.version;
}

// What a link's symlink holds: the target relative to the link's folder, one "../" per
// path segment of that folder.
std::string LinkText(const PlanEntry& p) {
  std::string up;
  for (char c : ParentDir(p.location)) up += c == '/' ? "../" : "";
  return "../" + up + p.link_target;
}

bool LinkInPlace(const std::string& dest, const PlanEntry& p) {
  char buf[4096];
  ssize_t n = readlink(dest.c_str(), buf, sizeof(buf));
  return n > 0 && static_cast<size_t>(n) < sizeof(buf) && std::string(buf, n) == LinkText(p);
}

Status PlaceLink(const std::string& project_dir, const PlanEntry& p, bool* replaced) {
  std::string dest = JoinPath(project_dir, p.location);
  if (Status made = fsutil::MakeDirs(ParentDir(dest)); !made.ok()) return made;
  std::string target = LinkText(p);
  std::string temp = JoinPath(ParentDir(dest), fsutil::UniqueName(".skua-link-"));
  if (symlink(target.c_str(), temp.c_str()) != 0) return fsutil::ErrnoStatus("symlink", temp, errno);
  struct stat st;
  *replaced = lstat(dest.c_str(), &st) == 0;
  if (*replaced && S_ISDIR(st.st_mode)) {
    if (Status removed = fsutil::RemoveTree(dest); !removed.ok()) return removed;
  }
  if (rename(temp.c_str(), dest.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    return fsutil::ErrnoStatus("rename", dest, err);
  }
  return Status::Ok();
}

// Calls `place(i)` for every `todo[i]` on up to LinkThreads() threads (this one
// included). A package waits only for the package whose folder holds it, since replacing
// a folder replaces its node_modules; everything else runs in any order. `place` returns
// true when done, false to defer the package (its nested packages are deferred with it),
// or an error, after which nothing more starts. Returns which packages were placed.
Result<std::vector<bool>> PlaceInOrder(const std::vector<PlanEntry>& packages,
                                       const std::vector<bool>& todo,
                                       const std::function<Result<bool>(size_t)>& place) {
  std::unordered_map<std::string_view, size_t> index;
  for (size_t i = 0; i < packages.size(); ++i) {
    if (todo[i]) index.emplace(packages[i].location, i);
  }
  std::vector<std::vector<size_t>> nested(packages.size());
  std::vector<size_t> ready;
  for (size_t i = 0; i < packages.size(); ++i) {
    if (!todo[i]) continue;
    std::string_view location = packages[i].location;
    size_t at = location.rfind("/node_modules/");
    auto parent = at == std::string_view::npos ? index.end() : index.find(location.substr(0, at));
    if (parent != index.end()) {
      nested[parent->second].push_back(i);
    } else {
      ready.push_back(i);
    }
  }
  // Shallow packages first, in plan order (ready is used as a stack).
  std::reverse(ready.begin(), ready.end());
  std::vector<bool> placed(packages.size(), false);
  std::mutex mutex;
  std::condition_variable wake;
  size_t running = 0;
  Status failure;
  auto work = [&] {
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      wake.wait(lock, [&] { return !ready.empty() || running == 0 || !failure.ok(); });
      if (ready.empty() || !failure.ok()) break;
      size_t i = ready.back();
      ready.pop_back();
      ++running;
      lock.unlock();
      Result<bool> result = place(i);
      lock.lock();
      --running;
      if (!result.ok()) {
        if (failure.ok()) failure = result.status();
      } else if (*result) {
        placed[i] = true;
        ready.insert(ready.end(), nested[i].rbegin(), nested[i].rend());
      }
      wake.notify_all();
    }
  };
  size_t workers = std::min<size_t>(index.size(), LinkThreads());
  std::vector<std::thread> pool;
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (!failure.ok()) return failure;
  return placed;
}

}  // namespace

std::vector<bool> ChangedPackages(const std::string& project_dir,
                                  const std::vector<PlanEntry>& packages,
                                  const lockfile::Lockfile* previous,
                                  const std::set<std::string>& force,
                                  const std::map<std::string, LinkedPackage>* linked) {
  std::vector<bool> changed(packages.size(), true);
  std::set<std::string> changed_locations;
  // Without node_modules, every package below it is new: no need to look for each one.
  bool no_node_modules = !fsutil::Exists(JoinPath(project_dir, "node_modules"));
  std::optional<lockfile::LocationIndex> installed;
  if (previous) installed.emplace(*previous);
  for (size_t i = 0; i < packages.size(); ++i) {
    const PlanEntry& p = packages[i];
    if (no_node_modules && p.location.starts_with("node_modules/") && !p.in_bundle) continue;
    // A changed ancestor folder is replaced with its nested node_modules.
    bool parent_changed = false;
    for (std::string up = p.location; !parent_changed;) {
      size_t at = up.rfind("/node_modules/");
      if (at == std::string::npos) break;
      up = up.substr(0, at);
      parent_changed = changed_locations.count(up) > 0;
    }
    std::string dir = JoinPath(project_dir, p.location);
    bool same = false;
    if (p.in_bundle) {
      changed[i] = false;
      continue;
    }
    if (!parent_changed && p.is_link() && !force.count(p.location)) {
      same = LinkInPlace(dir, p);
    } else if (!parent_changed && !force.count(p.location)) {
      const lockfile::LockEntry* old = installed ? installed->Find(p.location) : nullptr;
      if (linked != nullptr) {
        // Only early links are there (the install made node_modules).
        auto it = linked->find(p.location);
        same = it != linked->end() && it->second.name == p.name &&
               it->second.version == p.version && it->second.integrity == p.integrity;
      } else if (old != nullptr) {
        same = old->Version() == p.version && old->PackageName() == p.name &&
               old->meta.GetString("integrity") == p.integrity &&
               fsutil::Exists(JoinPath(dir, "package.json"));
      } else {
        same = InstalledMatches(dir, p);
      }
    }
    changed[i] = !same;
    if (!same) changed_locations.insert(p.location);
  }
  return changed;
}

Result<ReifyStats> Reify(const std::string& project_dir, const std::vector<PlanEntry>& packages,
                         const std::vector<bool>& changed,
                         const std::vector<std::optional<store::StoreEntry>>& entries,
                         const ReifyOptions& options) {
  ReifyStats stats;
  link::Materializer materializer;
  // A node_modules created by this install holds nothing to prune or keep usable.
  // So does one that early links made: what they left that the plan lacks is removed
  // by the caller, not found by walking every folder.
  bool fresh = !fsutil::Exists(JoinPath(project_dir, "node_modules")) || options.new_node_modules;
  materializer.set_in_place(fresh);
  size_t total = std::count(changed.begin(), changed.end(), true);
  size_t done = 0;
  std::mutex mutex;  // Guards stats, done, damaged and the progress callback.
  // Fresh store entries of packages whose entry proved damaged while linking.
  std::vector<std::optional<store::StoreEntry>> refetched(packages.size());
  std::vector<bool> damaged(packages.size(), false);
  bool retrying = false;  // Set before the second pass, read by its workers.
  auto place = [&](size_t i) -> Result<bool> {
    const PlanEntry& p = packages[i];
    bool replaced = false;
    Status status;
    if (p.is_link()) {
      status = PlaceLink(project_dir, p, &replaced);
    } else {
      const store::StoreEntry& entry = refetched[i] ? *refetched[i] : *entries[i];
      link::LinkMode mode = options.copy_locations.count(p.location) ? link::LinkMode::kCopy
                                                                      : link::LinkMode::kAuto;
      status = materializer.Materialize(entry.package_dir, entry.index,
                                        JoinPath(project_dir, p.location), mode, &replaced);
      // A damaged store entry (Materialize's only NotFound) is fetched again below, once;
      // the packages nested in this one wait for it.
      if (status.code() == StatusCode::kNotFound && options.refetch && !retrying) {
        std::lock_guard<std::mutex> lock(mutex);
        damaged[i] = true;
        return false;
      }
    }
    if (!status.ok()) return status;
    std::lock_guard<std::mutex> lock(mutex);
    // In a node_modules this install made, a replaced folder was an early link's.
    ++(replaced && !options.new_node_modules ? stats.changed : stats.added);
    if (options.progress) options.progress(++done, total);
    return true;
  };
  Result<std::vector<bool>> placed = PlaceInOrder(packages, changed, place);
  if (!placed.ok()) return placed.status();
  if (std::find(damaged.begin(), damaged.end(), true) != damaged.end()) {
    Result<std::vector<std::optional<store::StoreEntry>>> fresh_entries = options.refetch(damaged);
    if (!fresh_entries.ok()) return fresh_entries.status();
    refetched = std::move(fresh_entries).value();
    retrying = true;
    std::vector<bool> rest(packages.size(), false);
    for (size_t i = 0; i < packages.size(); ++i) rest[i] = changed[i] && !(*placed)[i];
    Result<std::vector<bool>> again = PlaceInOrder(packages, rest, place);
    if (!again.ok()) return again.status();
  }

  if (options.phase_done) options.phase_done("materialize");

  // Prune every node_modules folder down to what the plan puts there.
  std::map<std::string, std::set<std::string>> keep;  // Holding folder -> names.
  keep["node_modules"];
  for (const PlanEntry& p : packages) {
    keep[HoldingFolder(p.location, p.folder)].insert(p.folder);
    if (!p.is_link()) keep[p.location + "/node_modules"];
    // A workspace's own node_modules too: a package nested there that the tree moved
    // would otherwise shadow the hoisted one for the workspace's code. (Folders outside
    // the project are left to their own installs.)
    if (p.is_link() && !p.link_target.starts_with("..")) keep[p.link_target + "/node_modules"];
  }
  for (const std::string& location : options.keep_locations) {
    size_t cut = location.rfind("node_modules/");
    if (cut == std::string::npos) continue;
    keep[location.substr(0, cut + 12)].insert(location.substr(cut + 13));
    keep[location + "/node_modules"];
  }
  for (const auto& [folder, names] : keep) {
    if (fresh && (folder == "node_modules" || folder.starts_with("node_modules/"))) continue;
    Result<std::vector<std::string>> removed = link::PruneNodeModules(JoinPath(project_dir, folder), names);
    if (!removed.ok()) return removed.status();
    stats.removed += removed->size();
  }

  if (options.phase_done) options.phase_done("prune");

  // Bins, shallow packages first so they win name conflicts.
  link::BinLinker linker;
  for (const PlanEntry& p : packages) {
    if (!p.has_bin) continue;
    std::string dir = JoinPath(project_dir, p.location);
    Result<std::string> text = fsutil::ReadFile(JoinPath(dir, "package.json"));
    if (!text.ok()) continue;
    Result<std::vector<link::BinEntry>> bins = link::ReadBins(*text, {});
    if (!bins.ok() || bins->empty()) continue;
    std::string bin_dir = JoinPath(JoinPath(project_dir, HoldingFolder(p.location, p.folder)), ".bin");
    Result<link::BinLinker::Outcome> linked = linker.Link(bin_dir, dir, *bins);
    if (!linked.ok()) return linked.status();
  }
  if (options.phase_done) options.phase_done("bins");
  return stats;
}

}  // namespace skua::pm::cli
