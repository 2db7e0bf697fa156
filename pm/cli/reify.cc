#include "pm/cli/reify.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "pm/fsutil/fsutil.h"
#include "pm/link/bin_links.h"
#include "pm/link/materializer.h"
#include "pm/link/prune.h"
#include "pm/registry/manifest.h"

namespace skua::pm::cli {

namespace {

using fsutil::JoinPath;

constexpr size_t kLinkThreads = 8;

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

Status PlaceLink(const std::string& project_dir, const PlanEntry& p) {
  std::string dest = JoinPath(project_dir, p.location);
  if (Status made = fsutil::MakeDirs(ParentDir(dest)); !made.ok()) return made;
  std::string target = LinkText(p);
  std::string temp = JoinPath(ParentDir(dest), fsutil::UniqueName(".skua-link-"));
  if (symlink(target.c_str(), temp.c_str()) != 0) return fsutil::ErrnoStatus("symlink", temp, errno);
  struct stat st;
  if (lstat(dest.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (Status removed = fsutil::RemoveTree(dest); !removed.ok()) return removed;
  }
  if (rename(temp.c_str(), dest.c_str()) != 0) {
    int err = errno;
    unlink(temp.c_str());
    return fsutil::ErrnoStatus("rename", dest, err);
  }
  return Status::Ok();
}

}  // namespace

std::vector<bool> ChangedPackages(const std::string& project_dir,
                                  const std::vector<PlanEntry>& packages,
                                  const lockfile::Lockfile* previous,
                                  const std::set<std::string>& force) {
  std::vector<bool> changed(packages.size(), true);
  std::set<std::string> changed_locations;
  for (size_t i = 0; i < packages.size(); ++i) {
    const PlanEntry& p = packages[i];
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
      const lockfile::LockEntry* old = previous ? previous->Find(p.location) : nullptr;
      if (old != nullptr) {
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
  size_t total = std::count(changed.begin(), changed.end(), true);
  std::atomic<size_t> done{0};
  // One depth level at a time (packages are sorted by depth), in parallel within it.
  for (size_t begin = 0; begin < packages.size();) {
    size_t end = begin;
    while (end < packages.size() && packages[end].depth == packages[begin].depth) ++end;
    std::vector<size_t> todo;
    for (size_t i = begin; i < end; ++i) {
      if (changed[i]) todo.push_back(i);
    }
    std::atomic<size_t> next{0};
    std::mutex mutex;
    Status failure;
    auto work = [&] {
      for (size_t k; (k = next.fetch_add(1)) < todo.size();) {
        const PlanEntry& p = packages[todo[k]];
        std::string dest = JoinPath(project_dir, p.location);
        bool existed = fsutil::Exists(dest);
        Status status;
        if (p.is_link()) {
          status = PlaceLink(project_dir, p);
        } else {
          const store::StoreEntry& entry = *entries[todo[k]];
          link::LinkMode mode = options.copy_locations.count(p.location)
                                    ? link::LinkMode::kCopy
                                    : link::LinkMode::kAuto;
          status = materializer.Materialize(entry.package_dir, entry.index, dest, mode);
        }
        std::lock_guard<std::mutex> lock(mutex);
        if (!status.ok() && failure.ok()) failure = status;
        (existed ? stats.changed : stats.added) += status.ok() ? 1 : 0;
        if (options.progress) options.progress(++done, total);
      }
    };
    // Linking is system calls that block on the file system (directory creation above
    // all), so more threads than cores keep the cores busy.
    size_t workers = std::min<size_t>(todo.size(), kLinkThreads);
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    if (!failure.ok()) return failure;
    begin = end;
  }

  if (options.phase_done) options.phase_done("materialize");

  // Prune every node_modules folder down to what the plan puts there.
  std::map<std::string, std::set<std::string>> keep;  // Holding folder -> names.
  keep["node_modules"];
  for (const PlanEntry& p : packages) {
    keep[HoldingFolder(p.location, p.folder)].insert(p.folder);
    if (!p.is_link()) keep[p.location + "/node_modules"];
  }
  for (const auto& [folder, names] : keep) {
    std::string dir = JoinPath(project_dir, folder);
    if (!fsutil::Exists(dir)) continue;
    Result<std::vector<std::string>> removed = link::PruneNodeModules(dir, names);
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
