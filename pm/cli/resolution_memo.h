// The resolution memo: a first `skua install` (no lockfile, no node_modules) keeps the
// lockfile its resolution produced in the cache folder, under a hash of everything the
// resolution read besides the packuments (package.json, the workspaces' package.json
// files, configuration, platform, the skua binary: the no-op stamp's key), with the
// identity (inode, size, mtime) and freshness of every packument cache file it read. The
// next such install of the same inputs, while every one of those files is unchanged and
// would still be answered without asking the registry, installs that lockfile instead of
// resolving again: the registry client would answer with the same documents, and the
// resolver is a function of its inputs, so the tree is the one a resolution would make.
// Anything else (a lockfile, a node_modules, a changed or stale packument, git or folder
// dependencies outside the workspaces) resolves as before.
#ifndef SKUA_PM_CLI_RESOLUTION_MEMO_H_
#define SKUA_PM_CLI_RESOLUTION_MEMO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace skua::pm::cli {

// A packument cache file a resolution read, and its freshness in seconds from its mtime.
struct MemoDocument {
  std::string path;
  int64_t max_age = 0;
};

struct ResolutionMemo {
  std::vector<std::string> warnings;  // The resolution's warnings, shown again.
  std::string lockfile;               // package-lock.json's bytes.
  size_t documents = 0;               // How many packument files it depends on.
};

// Records a resolution under `key` in `<cache_dir>/resolutions`, keeping the newest
// kMaxResolutionMemos there. A document that cannot be stat'ed makes no memo (Ok).
inline constexpr size_t kMaxResolutionMemos = 32;
Status WriteResolutionMemo(const std::string& cache_dir, const std::string& key,
                           const std::vector<MemoDocument>& documents,
                           const std::vector<std::string>& warnings, const std::string& lockfile);

// The memo for `key` when every document it names is unchanged and, unless
// `ignore_freshness` (prefer-offline and offline, which read the cache as it is), still
// fresh at `now` (Unix seconds).
std::optional<ResolutionMemo> ReadResolutionMemo(const std::string& cache_dir, const std::string& key,
                                                 bool ignore_freshness, int64_t now);

// Removes the memo for `key`, if any.
void RemoveResolutionMemo(const std::string& cache_dir, const std::string& key);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_RESOLUTION_MEMO_H_
