// package-lock.json v3 (pm-spec §2.7): the document npm 11 writes, read from v2 or v3
// files and written back byte for byte. Entries stay JSON objects: npm copies most
// fields verbatim from package.json files (engines may be an array, funding a string or
// an object), so a typed model would lose bytes on the way through.
#ifndef SKUA_PM_LOCKFILE_LOCKFILE_H_
#define SKUA_PM_LOCKFILE_LOCKFILE_H_

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "pm/lockfile/json_value.h"
#include "pm/lockfile/stringify.h"

namespace skua::pm::lockfile {

// One `packages` entry: its key ("" for the root, "node_modules/a/node_modules/b") and
// its fields.
struct LockEntry {
  std::string location;
  JsonValue meta = JsonValue::Object();

  // The package name: `name` when the entry has one, else the folder after the last
  // "node_modules/" (scoped names keep their scope).
  std::string PackageName() const;
  std::string Version() const { return meta.GetString("version"); }
};

struct Lockfile {
  std::string name;
  std::string version;  // Omitted from the file when empty.
  int lockfile_version = 3;
  std::vector<LockEntry> packages;  // Root entry first when present.

  const LockEntry* Find(std::string_view location) const;  // A linear scan.
};

// A lockfile's entries by location, for callers that look up many: Lockfile::Find scans
// every entry. Points into the lockfile, which must outlive it and keep its entries.
class LocationIndex {
 public:
  explicit LocationIndex(const Lockfile& lock);
  const LockEntry* Find(std::string_view location) const;
  // The entry `require(name)` from `from` finds (ResolveLocation), or nullptr.
  const LockEntry* Resolve(std::string_view from, std::string_view name) const;

 private:
  std::unordered_map<std::string_view, const LockEntry*> entries_;
};

// The key order npm passes to json-stringify-nice (Shrinkwrap's swKeyOrder).
const std::vector<std::string>& LockfileKeyOrder();

// Reads a v2 or v3 lockfile (v2's legacy `dependencies` section is ignored). A v1 file,
// or one without `packages`, is kInvalidArgument "<path>: unsupported lockfile version 1;
// run `skua install` to upgrade it"; malformed JSON names the file too.
Result<Lockfile> ParseLockfile(std::string_view text, std::string_view path);

// The file npm 11 would write for `lock` in `format` (npm takes it from package.json,
// whatever the existing lockfile's was; see DetectFormat).
std::string SerializeLockfile(const Lockfile& lock, const JsonFormat& format);

// node_modules/.package-lock.json's text from the lockfile's: the same document without
// the root's `packages[""]` entry and without the entries at `left_out` (what the install
// did not put in node_modules), i.e. SerializeLockfile of the lockfile without them, cut
// out of SerializeLockfile's output instead of serialising everything again. nullopt when
// nothing would be left in `packages`, or a key is escaped (serialise the hidden
// lockfile then).
std::optional<std::string> HiddenLockfileText(std::string_view lock_text,
                                              const std::set<std::string>& left_out = {});

// True for a location outside every node_modules: the root (""), a workspace, another
// linked folder. npm loads such a package's devDependencies too.
bool IsTopLocation(std::string_view location);

// True when `location` lies inside `folder` ("node_modules/a/node_modules/b" inside
// "node_modules/a"; not "node_modules/ab", not the folder itself).
bool IsInside(std::string_view location, std::string_view folder);

// The folder name an install location ends in ("node_modules/@s/a" -> "@s/a").
std::string NameFromLocation(std::string_view location);

// How deep `location` is nested: its "node_modules/" segments minus one
// ("node_modules/a" 0, "node_modules/a/node_modules/b" 1; the root and other folders
// outside every node_modules -1).
int LocationDepth(std::string_view location);

// The location of the package whose node_modules holds `location`:
// "node_modules/a/node_modules/@s/b" -> "node_modules/a", "node_modules/a" -> "" (the
// root), "p/w/node_modules/a" -> "p/w"; "" for a location outside every node_modules.
std::string HolderLocation(std::string_view location);

// npm's inDepBundle: whether the entry at `location` is marked "inBundle" and another
// package's tarball brings it; false when the root project's bundleDependencies do (npm
// installs those like any other). The bundler is the nearest holder not itself in a bundle.
bool InDependencyBundle(const LocationIndex& index, std::string_view location);

// Node's resolution of `require(name)` from the package at `from` ("" is the root):
// the first of from/node_modules/name, then the same in each enclosing package, up to
// node_modules/name, that `exists`; "" when none does.
std::string ResolveLocation(std::string from, std::string_view name,
                            const std::function<bool(const std::string&)>& exists);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_LOCKFILE_H_
