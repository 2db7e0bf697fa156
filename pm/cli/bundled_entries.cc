#include "pm/cli/bundled_entries.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pm/fetch/digest.h"
#include "pm/fsutil/fsutil.h"
#include "pm/lockfile/collate.h"
#include "pm/lockfile/from_tree.h"
#include "pm/lockfile/lockfile.h"
#include "pm/registry/manifest.h"

namespace skua::pm::cli {
namespace {

// "node_modules/a/node_modules/@s/b" for "node_modules/a/node_modules/@s/b/package.json":
// the folder of a package inside the bundling one's node_modules; nullopt for any other
// file (a package's own nested package.json, `.bin`).
std::optional<std::string> BundledFolder(std::string_view path) {
  constexpr std::string_view kFile = "/package.json";
  if (!path.ends_with(kFile)) return std::nullopt;
  std::string_view rest = path.substr(0, path.size() - kFile.size());
  auto take = [&rest]() {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    return part;
  };
  bool any = false;
  while (!rest.empty()) {
    if (take() != "node_modules" || rest.empty()) return std::nullopt;
    std::string_view name = take();
    if (name.empty() || name.front() == '.') return std::nullopt;
    if (name.front() == '@') {
      if (rest.empty()) return std::nullopt;
      std::string_view scoped = take();
      if (scoped.empty() || scoped.front() == '.') return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return std::string(path.substr(0, path.size() - kFile.size()));
}

// A bundled package and its dep flags, maximally set until an edge reaches it.
struct Bundled {
  std::string location;
  registry::Manifest package;
  tree::DepFlags flags;  // Unreached so far.
};

// The bundled package a `require(name)` from `from` finds; null when it finds one outside
// the bundle (or none).
Bundled* Resolve(std::map<std::string, Bundled, std::less<>>& bundle, const std::string& from,
                 std::string_view name) {
  std::string found = lockfile::ResolveLocation(
      from, name, [&bundle](const std::string& at) { return bundle.count(at) > 0; });
  return found.empty() ? nullptr : &bundle.find(found)->second;
}

// npm's calcDepFlags inside one bundle: the bundling package's flags, carried along the
// bundle's dependency edges (an optional edge keeps `optional`, a peer edge `peer`); a
// package no edge reaches is extraneous.
void FlagBundle(const std::string& bundler_location, const registry::Manifest& bundler_package,
                const tree::DepFlags& bundler_flags,
                std::map<std::string, Bundled, std::less<>>& bundle) {
  struct Visit {
    std::string location;
    const registry::Manifest* package;
    tree::DepFlags flags;
  };
  std::vector<Visit> queue = {{bundler_location, &bundler_package, bundler_flags}};
  while (!queue.empty()) {
    Visit node = std::move(queue.back());
    queue.pop_back();
    const registry::Manifest& p = *node.package;
    auto follow = [&](const std::string& name, bool optional, bool peer) {
      Bundled* to = Resolve(bundle, node.location, name);
      if (to && tree::CarryDepFlags(node.flags, false, optional, peer, &to->flags)) {
        queue.push_back({to->location, &to->package, to->flags});
      }
    };
    for (const auto& [name, spec] : p.dependencies) {
      follow(name, registry::Find(p.optional_dependencies, name) != nullptr, false);
    }
    for (const auto& [name, spec] : p.optional_dependencies) follow(name, true, false);
    for (const auto& [name, spec] : p.peer_dependencies) follow(name, p.IsOptionalPeer(name), true);
  }
}

tree::DepFlags FlagsOf(const lockfile::JsonValue& meta) {
  tree::DepFlags f;
  f.dev = meta.GetBool("dev");
  f.optional = meta.GetBool("optional");
  f.dev_optional = meta.GetBool("devOptional") || f.dev || f.optional;
  f.peer = meta.GetBool("peer");
  f.extraneous = meta.GetBool("extraneous");
  return f;
}

}  // namespace

std::set<std::string> BundlingLocations(const lockfile::Lockfile& lock) {
  std::set<std::string> locations;
  const lockfile::LocationIndex index(lock);
  for (const lockfile::LockEntry& entry : lock.packages) {
    const lockfile::JsonValue* bundled = entry.meta.Get("bundleDependencies");
    // A package inside another's tarball comes with its bundles; one the root bundles
    // was fetched as any other.
    bool shipped = lockfile::InDependencyBundle(index, entry.location);
    if (bundled && bundled->Truthy() && !entry.meta.GetBool("link") && !shipped) {
      locations.insert(entry.location);
    }
  }
  return locations;
}

size_t AddBundledEntries(const store::Store& store, lockfile::Lockfile* lock) {
  std::vector<lockfile::LockEntry> added;
  const std::set<std::string> bundlers = BundlingLocations(*lock);
  for (const lockfile::LockEntry& entry : lock->packages) {
    if (!bundlers.count(entry.location)) continue;
    Result<fetch::ExpectedIntegrity> integrity = fetch::ParseIntegrity(entry.meta.GetString("integrity"));
    if (!integrity.ok() || integrity->empty()) continue;
    std::optional<store::StoreEntry> stored = store.Lookup(*integrity);
    if (!stored) continue;
    Result<std::string> own = fsutil::ReadFile(fsutil::JoinPath(stored->package_dir, "package.json"));
    if (!own.ok()) continue;
    Result<registry::Manifest> bundler = registry::ParsePackageJson(*own, "package.json");
    if (!bundler.ok()) continue;
    std::map<std::string, Bundled, std::less<>> bundle;
    for (const store::IndexedFile& file : stored->index.files) {
      std::optional<std::string> folder = BundledFolder(file.path);
      if (!folder) continue;
      Result<std::string> text = fsutil::ReadFile(fsutil::JoinPath(stored->package_dir, file.path));
      if (!text.ok()) continue;
      Result<registry::Manifest> package = registry::ParsePackageJson(*text, file.path);
      if (!package.ok()) continue;
      std::string location = entry.location + "/" + *folder;
      bundle[location] = Bundled{location, std::move(package).value(), {}};
    }
    FlagBundle(entry.location, *bundler, FlagsOf(entry.meta), bundle);
    for (auto& [location, b] : bundle) {
      added.push_back({location, lockfile::MetaFromBundled(b.package, lockfile::NameFromLocation(location), b.flags)});
    }
  }
  if (added.empty()) return 0;
  for (lockfile::LockEntry& entry : added) lock->packages.push_back(std::move(entry));
  std::stable_sort(lock->packages.begin(), lock->packages.end(),
                   [](const lockfile::LockEntry& a, const lockfile::LockEntry& b) {
                     return lockfile::LocaleCompare(a.location, b.location) < 0;
                   });
  return added.size();
}

}  // namespace skua::pm::cli
