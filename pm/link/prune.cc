// Stale package and leftover removal; rules in prune.h.
#include "pm/link/prune.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "pm/fsutil/fsutil.h"
#include "pm/link/materializer.h"

namespace skua::pm::link {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool IsLeftover(std::string_view name) {
  return StartsWith(name, kStagingPrefix) || StartsWith(name, kRetiredPrefix);
}

// A missing folder lists as empty (and sets `*missing` when given).
Result<std::vector<std::string>> ListDir(const std::string& path, bool* missing = nullptr) {
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) {
    if (errno == ENOENT) {
      if (missing != nullptr) *missing = true;
      return std::vector<std::string>();
    }
    return fsutil::ErrnoStatus("opendir", path, errno);
  }
  std::vector<std::string> names;
  while (struct dirent* e = readdir(dir)) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

Status PruneBin(const std::string& bin_dir) {
  Result<std::vector<std::string>> names = ListDir(bin_dir);
  if (!names.ok()) return names.status();
  for (const std::string& name : *names) {
    std::string path = fsutil::JoinPath(bin_dir, name);
    struct stat st;
    bool dangling = lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode) &&
                    stat(path.c_str(), &st) != 0;
    if (dangling || StartsWith(name, ".skua-bin-")) {
      if (unlink(path.c_str()) != 0 && errno != ENOENT) return fsutil::ErrnoStatus("unlink", path, errno);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::string>> PruneNodeModules(const std::string& node_modules,
                                                  const std::set<std::string>& keep) {
  std::vector<std::string> removed;
  bool missing = false;
  Result<std::vector<std::string>> names = ListDir(node_modules, &missing);
  if (!names.ok()) return names.status();
  if (missing) return removed;
  for (const std::string& name : *names) {
    std::string path = fsutil::JoinPath(node_modules, name);
    if (IsLeftover(name)) {
      Status status = fsutil::RemoveTree(path);
      if (!status.ok()) return status;
      continue;
    }
    if (name.front() == '.') continue;
    if (name.front() != '@') {
      if (keep.count(name) != 0) continue;
      Status status = fsutil::RemoveTree(path);
      if (!status.ok()) return status;
      removed.push_back(name);
      continue;
    }
    Result<std::vector<std::string>> scoped = ListDir(path);
    if (!scoped.ok()) return scoped.status();
    size_t kept = 0;
    for (const std::string& child : *scoped) {
      std::string full = name + "/" + child;
      if (!IsLeftover(child) && keep.count(full) != 0) {
        ++kept;
        continue;
      }
      Status status = fsutil::RemoveTree(fsutil::JoinPath(path, child));
      if (!status.ok()) return status;
      if (!IsLeftover(child)) removed.push_back(full);
    }
    if (kept == 0 && rmdir(path.c_str()) != 0 && errno != ENOENT && errno != ENOTEMPTY) {
      return fsutil::ErrnoStatus("rmdir", path, errno);
    }
  }
  Status status = PruneBin(fsutil::JoinPath(node_modules, ".bin"));
  if (!status.ok()) return status;
  std::sort(removed.begin(), removed.end());
  return removed;
}

}  // namespace skua::pm::link
