// npm 11's buildIdealTree for a project without a lockfile (pm-spec §2.6): the root's
// package.json, then breadth-first (depth, then location order) over nodes with problem
// edges, each edge's manifest picked from the registry and placed as high as npm would
// place it, peers loaded as sets and placed beside their dependents, failed optional
// dependencies dropped, and the lockfile's dep flags computed.
//
// Usage:
//   MemoryPackumentSource source;  // or the CLI's registry-backed source
//   Result<IdealTree> tree = BuildIdealTree(package_json_text, source, options);
//   for (const TreeEntry& e : tree->entries) ...
#ifndef SKUA_PM_TREE_BUILD_IDEAL_TREE_H_
#define SKUA_PM_TREE_BUILD_IDEAL_TREE_H_

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/lockfile/json_value.h"
#include "pm/lockfile/lockfile.h"
#include "pm/registry/pick_manifest.h"
#include "pm/registry/platform.h"
#include "pm/spec/dep_spec.h"
#include "pm/tree/node.h"
#include "pm/tree/packument_source.h"

namespace skua::pm::tree {

// One workspace of the project (pm/workspaces finds them): the root gets an edge
// `name` -> "file:<path>" that wins over a dependency of the same name, the folder's
// package is a link target whose devDependencies count, as npm's workspace edges do.
struct WorkspaceRef {
  std::string name;
  std::string path;  // Project-relative: "packages/a".
};

// A git dependency as read by the caller (pm/git): its package.json and the lockfile's
// `resolved` ("git+file:///repo#<sha>").
struct GitPackage {
  registry::Manifest manifest;
  std::string resolved;
};

struct BuildOptions {
  bool legacy_peer_deps = false;  // Ignore peer dependencies (npm 6 behaviour).
  bool force = false;             // Peer conflicts become warnings.
  bool strict_peer_deps = false;  // Every peer conflict is an error.
  bool prefer_dedupe = false;
  // Whether a placement that breaks an edge of a package already visited visits it again:
  // npm does when it saves (`install`) or was asked for a change (add, remove, update);
  // not for `install --no-save` alone.
  bool revisit_dependents = true;
  registry::PickOptions pick;     // Set pick.node_version to the Node skua reports.
  registry::Platform platform;    // Optional dependencies that do not fit become inert.
  // What a dependency that is not optional must fit (EBADPLATFORM otherwise); unset:
  // `platform`. npm checks those against the machine itself: its --os/--cpu/--libc
  // (which set `platform`) only decide which optional dependencies are installed.
  std::optional<registry::Platform> host_platform;
  std::vector<WorkspaceRef> workspaces;
  // Reads git dependencies; without it they fail as unsupported dependency types.
  std::function<Result<GitPackage>(const spec::DepSpec&)> read_git;
  // Called for each package (not link) the builder places, as it places it, so the caller
  // can start its download while resolution goes on. A later placement may still replace
  // or drop it, and a load failure is placed too (its `error` is set).
  std::function<void(const Node&)> on_placed;

  // npm's start from a lockfile (arborist's loadVirtual): the tree begins as `start`
  // lists it and only what needs work moves: the root's edges that package.json changed,
  // every package with an edge its locked dependency no longer satisfies, the
  // `explicit_requests` and `update_names`; what ends up extraneous is pruned. Linked
  // folders (workspaces, file: directories) are read again from the source
  // (StartsFromLockfile says whether `start` qualifies). Not owned; null: build from the
  // package.json alone.
  const lockfile::Lockfile* start = nullptr;
  // The dependencies the user named (`add NAME`): placed again even when the locked
  // package satisfies them, replacing it (npm's explicitRequests). "name" for the root's,
  // "folder:name" for a workspace's (`add -w`; the folder as the lockfile names it).
  std::set<std::string, std::less<>> explicit_requests;
  // `update NAME…`: each edge by such a name is resolved again, wherever it is.
  std::set<std::string, std::less<>> update_names;
};

// Whether BuildOptions::start can take `lock`: every package under node_modules has a
// version (or is a link) and an entry for the package holding it. Otherwise the caller
// resolves afresh. What a dependency's
// tarball bundles ends up out of the tree (the caller adds it from the tarball, as after
// a fresh resolution).
bool StartsFromLockfile(const lockfile::Lockfile& lock);

// One installed package as the lockfile records it.
struct TreeEntry {
  std::string location;  // "node_modules/a/node_modules/b"; "" is the root.
  std::string name;      // The folder name.
  const Node* node = nullptr;
};

struct IdealTree {
  std::unique_ptr<Tree> tree;
  // Attached nodes that the lockfile lists, in the lockfile's (locale) order; failed
  // optional loads are left out, as npm leaves them out.
  std::vector<TreeEntry> entries;
  // Non-fatal findings in npm's words (EBADENGINE, overriding peer dependency).
  std::vector<std::string> warnings;
  // The root package.json's `workspaces` field as written, for the lockfile's root entry.
  std::optional<lockfile::JsonValue> root_workspaces;
};

// Errors: ERESOLVE (kInvalidArgument, npm's explanation), a required dependency that
// cannot be loaded (ETARGET / E404 text from the source, naming the package), a required
// package for another platform (EBADPLATFORM), malformed package.json.
Result<IdealTree> BuildIdealTree(std::string_view package_json, PackumentSource& source,
                                 const BuildOptions& options);

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_BUILD_IDEAL_TREE_H_
