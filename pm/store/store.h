// The global content-addressed package store (pm-spec §3.2 "Store"): extracted packages
// keyed by the integrity of their tarball, shared by every project of the user.
//
// Layout below the cache folder (flat: no 2-hex shard level, since each new folder costs
// an inode allocation, the dearest step of a cold install on ext4):
//   store/v2/<algo>/<hex>/         the package's files: the entry
//   store/v2/<algo>/<hex>.index    its PackageIndex, written once the folder is in place
//   store/v2/tmp/<pid>-<n>-<random>/  entries being built
// store/v2/tmp carries ext4's "top of a hierarchy" flag (fsutil::SpreadNewFolders;
// decision): each entry's folder, and so its files, is placed in a little-used part of
// the disk rather than all beside the cache, where, on ext4 without a journal, every
// allocation passes over the inodes freed there in the last minutes. The same flag on
// node_modules was tried and left out: there it made warm installs slower (527 folders
// spread far apart cost more than they saved).
// Keys are sha512 for every package with an `integrity`; packages known only by a
// `shasum` are keyed by sha1.
//
// Rules: an entry's folder appears only through one rename(2) of a complete temporary
// folder, so a folder in place is always complete; the entry counts (Lookup) once its
// index exists, and a folder found without one (a writer between its two steps, or one
// killed there) gets the index from the next writer: the index is a function of the
// tarball, so every writer's is the same. Nothing is fsynced (a crash can lose files of
// a fresh entry: linking them then fails with NotFound and the installer removes the
// entry and fetches it again; pm/cli/reify.h). Several processes and threads may insert
// the same key at once: renameat2(RENAME_NOREPLACE) lets the first win and the others
// discard their copy and use the winner's. Entries are never modified after the rename;
// link/ must not hard-link files of packages that will run install scripts (they would
// modify the shared copy).
#ifndef SKUA_PM_STORE_STORE_H_
#define SKUA_PM_STORE_STORE_H_

#include <optional>
#include <string>

#include "base/status.h"
#include "pm/fetch/byte_source.h"
#include "pm/fetch/digest.h"
#include "pm/fetch/extract.h"
#include "pm/store/package_index.h"

namespace skua::pm::store {

struct StoreKey {
  fetch::HashAlgorithm algorithm = fetch::HashAlgorithm::kSha512;
  std::string hex;  // Lowercase hex of the raw digest.

  bool operator==(const StoreKey&) const = default;
};

// The keys an expected integrity may be stored under (one per listed digest).
std::vector<StoreKey> KeysFor(const fetch::ExpectedIntegrity& integrity);

struct StoreEntry {
  StoreKey key;
  std::string package_dir;  // EntryDir(key): the files, to be linked or copied.
  PackageIndex index;
};

class Store {
 public:
  // Opens (creating as needed) the store below `cache_dir`.
  static Result<Store> Open(const std::string& cache_dir);

  const std::string& root() const { return root_; }  // <cache_dir>/store/v2
  std::string EntryDir(const StoreKey& key) const;
  std::string IndexPath(const StoreKey& key) const { return EntryDir(key) + ".index"; }

  // A complete entry for any digest of `integrity`, or nullopt (missing, or incomplete:
  // no readable index). Cheap: one read of the index; the files are not checked.
  std::optional<StoreEntry> Lookup(const fetch::ExpectedIntegrity& integrity) const;
  // Whether Lookup would find an entry's index, without reading it (one access(2)); the
  // index may still be unreadable, which only Lookup tells.
  bool HasIndex(const fetch::ExpectedIntegrity& integrity) const;
  std::optional<StoreEntry> Lookup(const StoreKey& key) const;

  // Streams `source` through fetch::ExtractTarball into a temporary entry and renames it
  // into place. With `options.integrity` set, nothing enters the store unless it matches.
  // If another writer installed the same key first, returns that entry.
  Result<StoreEntry> Insert(fetch::ByteSource& source, const fetch::ExtractOptions& options);

  // Checks that every indexed file exists as a regular file with its recorded size (a
  // stat per file: installs rely on linking failing instead). A bad entry is removed and
  // NotFound returned, so the caller re-fetches.
  Status Verify(const StoreEntry& entry);

  // Removes an entry (its index first, then the folder renamed aside, so no reader sees
  // it half-deleted).
  Status Remove(const StoreKey& key);

  // Deletes temporary directories left by processes that no longer run.
  Status CollectGarbage();

 private:
  explicit Store(std::string root) : root_(std::move(root)) {}
  std::string TempDir() const;

  std::string root_;
};

}  // namespace skua::pm::store

#endif  // SKUA_PM_STORE_STORE_H_
