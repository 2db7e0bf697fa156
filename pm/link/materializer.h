// Writes packages from the store into node_modules (pm-spec §2.12 steps 3–4, §3.2
// "Materialisation"): hard links when the store and the project share a file system,
// copies otherwise, through a staging directory that replaces the destination in one
// rename, so a failed or killed install leaves the previous package folder usable (in a
// node_modules the install created, straight into the destination: set_in_place).
#ifndef SKUA_PM_LINK_MATERIALIZER_H_
#define SKUA_PM_LINK_MATERIALIZER_H_

#include <atomic>
#include <mutex>
#include <string>

#include "base/status.h"
#include "pm/store/package_index.h"

namespace skua::pm::link {

enum class LinkMode {
  kAuto,  // Hard links until the first EXDEV, then copies for the rest of the install.
  kCopy,  // Always copy (packages that run install scripts must not share store inodes).
};

// Names of temporary siblings inside node_modules; prune.h removes leftovers.
inline constexpr std::string_view kStagingPrefix = ".skua-staging-";
inline constexpr std::string_view kRetiredPrefix = ".skua-retired-";

// Rules: create one per install and share it between threads; the cross-device discovery
// is remembered (atomically) so EXDEV costs one failed link per install, not per file.
class Materializer {
 public:
  explicit Materializer(LinkMode mode = LinkMode::kAuto) : mode_(mode) {}

  // For a node_modules this install created (nothing in it to keep usable): a package
  // whose `dest` does not exist yet is written straight into it, package.json last, with
  // no staging folder and rename. An install killed meanwhile leaves a folder without
  // package.json, which the next install sees as not installed and replaces.
  void set_in_place(bool in_place) { in_place_ = in_place; }

  // Makes `dest` (e.g. ".../node_modules/@scope/name") hold exactly the files of `index`
  // from `package_dir`. Files go into a staging sibling, package.json last (the marker of
  // a complete package folder), then the staging directory replaces `dest` atomically
  // (renameat2 RENAME_EXCHANGE) and the old folder is deleted. On failure `dest` is left
  // as it was. NotFound means exactly this: `package_dir` or a file its index lists is
  // missing (or, when copying, not a regular file of the indexed size), so the store
  // entry is damaged and should be fetched again; every other failure is an IoError.
  // `replaced`, when given, tells whether an existing `dest` was swapped out.
  Status Materialize(const std::string& package_dir, const store::PackageIndex& index,
                     const std::string& dest, LinkMode mode_override = LinkMode::kAuto,
                     bool* replaced = nullptr);

  // True once a hard link failed with EXDEV in this install.
  bool cross_device() const { return cross_device_.load(std::memory_order_relaxed); }
  uint64_t files_linked() const { return linked_.load(std::memory_order_relaxed); }
  uint64_t files_copied() const { return copied_.load(std::memory_order_relaxed); }

 private:
  Status PlaceFile(int src_dir, int dst_dir, const store::IndexedFile& file, bool copy,
                   const std::string& src_root);
  Status Fill(const std::string& package_dir, const store::PackageIndex& index,
              const std::string& dir, bool copy);
  Status MakePackageDir(const std::string& dir, const std::string& parent);

  LinkMode mode_;
  bool in_place_ = false;
  std::mutex create_mutex_;  // Held while a package's folder is created.
  std::atomic<bool> cross_device_{false};
  std::atomic<uint64_t> linked_{0};
  std::atomic<uint64_t> copied_{0};
};

// Copies one regular file between directory fds with copy_file_range (falling back to
// read/write), creating `dst_name` with O_EXCL and `mode`.
Status CopyFileAt(int src_dir, const std::string& src_name, int dst_dir,
                  const std::string& dst_name, uint32_t mode);

}  // namespace skua::pm::link

#endif  // SKUA_PM_LINK_MATERIALIZER_H_
