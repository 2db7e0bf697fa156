// The content-addressed package store; layout and rules in store.h.
#include "pm/store/store.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::store {
namespace {

using fetch::HashAlgorithm;

std::string Parent(const std::string& path) { return path.substr(0, path.find_last_of('/')); }

// rename(2) that refuses to replace an existing entry. Where the file system lacks
// RENAME_NOREPLACE, plain rename(2) is still safe here: renaming a directory onto a
// non-empty directory fails with ENOTEMPTY, and every complete entry is non-empty.
int RenameNoReplace(const std::string& from, const std::string& to) {
  if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;
  return rename(from.c_str(), to.c_str());
}

}  // namespace

std::vector<StoreKey> KeysFor(const fetch::ExpectedIntegrity& integrity) {
  std::vector<StoreKey> keys;
  for (const std::string& digest : integrity.digests) {
    keys.push_back(StoreKey{integrity.algorithm, fetch::ToHex(digest)});
  }
  return keys;
}

Result<Store> Store::Open(const std::string& cache_dir) {
  std::string root = fsutil::JoinPath(cache_dir, "store/v2");
  std::string tmp = fsutil::JoinPath(root, "tmp");
  Status made = fsutil::MakeDirs(tmp);
  if (!made.ok()) return made;
  // Entries are built there: each package folder (and its files) lands in a little-used
  // part of the disk instead of all of them beside the cache (cold medium install on a
  // disk with recent deletions: 1.2-2.0 -> 0.83-0.87 s).
  fsutil::SpreadNewFolders(tmp);
  return Store(std::move(root));
}

std::string Store::TempDir() const { return fsutil::JoinPath(root_, "tmp"); }

std::string Store::EntryDir(const StoreKey& key) const {
  return fsutil::JoinPath(fsutil::JoinPath(root_, fetch::AlgorithmName(key.algorithm)), key.hex);
}

std::optional<StoreEntry> Store::Lookup(const StoreKey& key) const {
  if (key.hex.size() < 4) return std::nullopt;
  Result<std::string> text = fsutil::ReadFile(IndexPath(key));
  if (!text.ok()) return std::nullopt;
  Result<PackageIndex> index = ParseIndex(*text);
  if (!index.ok()) return std::nullopt;
  return StoreEntry{key, EntryDir(key), std::move(index).value()};
}

std::optional<StoreEntry> Store::Lookup(const fetch::ExpectedIntegrity& integrity) const {
  for (const StoreKey& key : KeysFor(integrity)) {
    std::optional<StoreEntry> entry = Lookup(key);
    if (entry) return entry;
  }
  return std::nullopt;
}

bool Store::HasIndex(const fetch::ExpectedIntegrity& integrity) const {
  for (const StoreKey& key : KeysFor(integrity)) {
    if (key.hex.size() >= 4 && access(IndexPath(key).c_str(), F_OK) == 0) return true;
  }
  return false;
}

Result<StoreEntry> Store::Insert(fetch::ByteSource& source, const fetch::ExtractOptions& options) {
  std::string temp = fsutil::JoinPath(TempDir(), fsutil::UniqueName(""));
  Result<fetch::ExtractResult> extracted = fetch::ExtractTarball(source, temp, options);
  if (!extracted.ok()) {
    Status removed = fsutil::RemoveTree(temp);
    (void)removed;  // The extraction error is the one that matters.
    return extracted.status();
  }
  fetch::ExtractResult result = std::move(extracted).value();

  StoreKey key{HashAlgorithm::kSha512, fetch::ToHex(result.sha512)};
  PackageIndex index;
  index.integrity = result.integrity;
  if (!options.integrity.empty() && options.integrity.algorithm != HashAlgorithm::kSha512) {
    key = StoreKey{options.integrity.algorithm, fetch::ToHex(result.matched_digest)};
    index.integrity = fetch::ToSri(options.integrity.algorithm, result.matched_digest);
  }
  index.files.reserve(result.files.size());
  for (fetch::ExtractedFile& file : result.files) {
    index.files.push_back(IndexedFile{std::move(file.path), file.mode, file.size});
  }
  std::string dest = EntryDir(key);
  Status status = Status::Ok();
  bool placed = RenameNoReplace(temp, dest) == 0;
  if (!placed && errno == ENOENT) {  // The algorithm's folder is made on first use.
    status = fsutil::MakeDirs(Parent(dest));
    placed = status.ok() && RenameNoReplace(temp, dest) == 0;
  }
  if (!placed && status.ok()) {
    if (errno != EEXIST && errno != ENOTEMPTY) {
      status = fsutil::ErrnoStatus("rename", dest, errno);
    } else if (std::optional<StoreEntry> winner = Lookup(key)) {
      // Another writer finished first; its content is identical by construction.
      Status removed = fsutil::RemoveTree(temp);
      (void)removed;
      return std::move(*winner);
    }
    // Otherwise the folder in place is complete but has no index yet: ours is the same.
  }
  if (!placed) {
    Status removed = fsutil::RemoveTree(temp);
    (void)removed;
  }
  if (status.ok()) status = fsutil::WriteFileAtomic(IndexPath(key), SerializeIndex(index));
  if (!status.ok()) return status;
  return StoreEntry{std::move(key), std::move(dest), std::move(index)};
}

Status Store::Verify(const StoreEntry& entry) {
  int dir = open(entry.package_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  bool good = dir >= 0;
  for (size_t i = 0; good && i < entry.index.files.size(); ++i) {
    const IndexedFile& file = entry.index.files[i];
    struct stat st;
    good = fstatat(dir, file.path.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
           static_cast<uint64_t>(st.st_size) == file.size;
  }
  if (dir >= 0) close(dir);
  if (good) return Status::Ok();
  Status removed = Remove(entry.key);
  if (!removed.ok()) return removed;
  return NotFound("store entry " + EntryDir(entry.key) + " was damaged and has been removed");
}

Status Store::Remove(const StoreKey& key) {
  std::string index = IndexPath(key);
  if (unlink(index.c_str()) != 0 && errno != ENOENT) return fsutil::ErrnoStatus("unlink", index, errno);
  std::string dir = EntryDir(key);
  std::string trash = fsutil::JoinPath(TempDir(), fsutil::UniqueName("trash-"));
  if (rename(dir.c_str(), trash.c_str()) != 0) {
    if (errno == ENOENT) return Status::Ok();
    return fsutil::ErrnoStatus("rename", dir, errno);
  }
  return fsutil::RemoveTree(trash);
}

Status Store::CollectGarbage() {
  std::string temp = TempDir();
  DIR* dir = opendir(temp.c_str());
  if (dir == nullptr) return fsutil::ErrnoStatus("opendir", temp, errno);
  std::vector<std::string> stale;
  while (struct dirent* e = readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    if (name.rfind("trash-", 0) == 0) name.remove_prefix(6);
    int pid = 0;
    auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), pid);
    bool dead = error == std::errc() && pid > 0 && pid != getpid() && kill(pid, 0) != 0 &&
                errno == ESRCH;
    if (dead || error != std::errc()) stale.push_back(fsutil::JoinPath(temp, e->d_name));
  }
  closedir(dir);
  for (const std::string& path : stale) {
    Status removed = fsutil::RemoveTree(path);
    if (!removed.ok()) return removed;
  }
  return Status::Ok();
}

}  // namespace skua::pm::store
