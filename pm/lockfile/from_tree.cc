// Tree to lockfile, after arborist's Shrinkwrap.metaFromNode.
#include "pm/lockfile/from_tree.h"

#include <algorithm>
#include <vector>

#include "pm/spec/dep_spec.h"

namespace skua::pm::lockfile {

namespace {

// Manifest maps have unique keys (ReadManifest keeps the last of repeated ones), and each
// key below is written once: members are appended without a search.
JsonValue MapValue(const registry::StringMap& map) {
  JsonValue v = JsonValue::Object();
  for (const auto& [k, s] : map) v.Append(k, JsonValue::String(s));
  return v;
}

JsonValue ListValue(const std::vector<std::string>& list) {
  JsonValue v = JsonValue::Array();
  for (const std::string& s : list) v.Push(JsonValue::String(s));
  return v;
}

void SetMap(JsonValue& meta, const char* key, const registry::StringMap& map) {
  if (!map.empty()) meta.Append(key, MapValue(map));
}

void SetList(JsonValue& meta, const char* key, const std::vector<std::string>& list) {
  if (!list.empty()) meta.Append(key, ListValue(list));
}

// npm's Node#isRegistryDependency: some edge leads here, and each asks the registry.
bool IsRegistryDependency(const tree::Node& node) {
  std::vector<tree::Edge*> in = node.EdgesIn();
  if (in.empty()) return false;
  for (const tree::Edge* edge : in) {
    Result<spec::DepSpec> spec = spec::ResolveSpec(edge->name, edge->spec);
    if (!spec.ok() || !spec->registry()) return false;
  }
  return true;
}

// The package name npm folders are named after: "@s/a" for "node_modules/@s/a".
bool FolderMatches(const tree::Node& node) {
  std::string loc = node.Location();
  return NameFromLocation(loc) == node.package_name();
}

// The package's own fields (npm's pkgMetaKeys) and `integrity`, where npm puts it.
void AppendPackageFields(const registry::Manifest& p, const std::string& integrity, JsonValue& meta) {
  if (!p.version.empty()) meta.Append("version", JsonValue::String(p.version));
  // npm's package normalisation drops a name from `dependencies` when it is also in
  // `optionalDependencies`.
  registry::StringMap deps;
  for (const auto& entry : p.dependencies) {
    if (!registry::Find(p.optional_dependencies, entry.first)) deps.push_back(entry);
  }
  SetMap(meta, "dependencies", deps);
  SetMap(meta, "peerDependencies", p.peer_dependencies);
  if (!p.optional_peers.empty()) {
    JsonValue peers_meta = JsonValue::Object();
    for (const std::string& name : p.optional_peers) {
      JsonValue entry = JsonValue::Object();
      entry.Append("optional", JsonValue::Bool(true));
      peers_meta.Set(name, std::move(entry));  // The list may repeat a name.
    }
    meta.Append("peerDependenciesMeta", std::move(peers_meta));
  }
  SetMap(meta, "optionalDependencies", p.optional_dependencies);
  SetList(meta, "bundleDependencies", p.bundle_dependencies);
  SetMap(meta, "acceptDependencies", p.accept_dependencies);
  if (!p.funding_json.empty()) {
    Result<JsonValue> funding = ParseJson(p.funding_json, "funding");
    if (funding.ok()) meta.Append("funding", *funding);
  }
  if (!p.engines_json.empty()) {
    Result<JsonValue> engines = ParseJson(p.engines_json, "engines");
    if (engines.ok()) meta.Append("engines", *engines);
  } else {
    SetMap(meta, "engines", p.engines);
  }
  SetList(meta, "os", p.os);
  SetList(meta, "cpu", p.cpu);
  SetList(meta, "libc", p.libc);
  if (!integrity.empty()) meta.Append("integrity", JsonValue::String(integrity));
  if (!p.license.empty()) meta.Append("license", JsonValue::String(p.license));
  if (p.has_shrinkwrap) meta.Append("hasShrinkwrap", JsonValue::Bool(true));
  if (p.has_install_script) meta.Append("hasInstallScript", JsonValue::Bool(true));
  SetMap(meta, "bin", p.bin);
  if (p.deprecated) {
    meta.Append("deprecated", p.deprecation_message.empty() ? JsonValue::Bool(true)
                                                         : JsonValue::String(p.deprecation_message));
  }
  if (!p.workspaces_json.empty()) {
    Result<JsonValue> workspaces = ParseJson(p.workspaces_json, "workspaces");
    if (workspaces.ok()) meta.Append("workspaces", *workspaces);
  }
}

// `extraneous` (nothing depends on it), or the dep flags set (devOptional only outside
// both the dev and the optional trees).
void AppendFlags(const tree::DepFlags& flags, JsonValue& meta) {
  if (flags.extraneous) {
    meta.Append("extraneous", JsonValue::Bool(true));
    return;
  }
  if (flags.peer) meta.Append("peer", JsonValue::Bool(true));
  if (flags.dev) meta.Append("dev", JsonValue::Bool(true));
  if (flags.optional) meta.Append("optional", JsonValue::Bool(true));
  if (flags.dev_optional && !flags.dev && !flags.optional) meta.Append("devOptional", JsonValue::Bool(true));
}

// arborist's Node#getBundler: the package whose bundleDependencies bring `node` along,
// by name or as a dependency of a bundled package placed at the bundler's level; null
// when none. `path` is shared by the whole walk, as arborist's is, so cycles end.
const tree::Node* Bundler(const tree::Node* node, std::vector<const tree::Node*>& path) {
  if (std::find(path.begin(), path.end(), node) != path.end()) return nullptr;
  path.push_back(node);
  const tree::Node* parent = node->parent;
  if (parent == nullptr) return nullptr;
  if (const tree::Node* bundler = Bundler(parent, path)) return bundler;
  if (parent->manifest) {
    const std::vector<std::string>& bundled = parent->package().bundle_dependencies;
    if (std::find(bundled.begin(), bundled.end(), node->name) != bundled.end()) return parent;
  }
  for (const tree::Edge* in : node->EdgesIn()) {
    if (Bundler(in->from, path) == parent) return parent;
  }
  return nullptr;
}

// Whether any package of the tree bundles dependencies (then npm's `inBundle` is looked
// for; most trees have none).
bool AnyBundles(const tree::IdealTree& tree) {
  for (const tree::TreeEntry& e : tree.entries) {
    if (!e.node->is_link && e.node->manifest && !e.node->package().bundle_dependencies.empty()) return true;
  }
  return false;
}

}  // namespace

JsonValue MetaFromNode(const tree::Node& node, const LockfileOptions& options) {
  JsonValue meta = JsonValue::Object();
  if (node.is_link) {
    meta.Append("resolved", JsonValue::String(node.realpath));
    meta.Append("link", JsonValue::Bool(true));
    return meta;
  }
  const registry::Manifest& p = node.package();
  AppendPackageFields(p, node.integrity, meta);
  bool top = node.IsTop();
  if (!p.name.empty() && (node.is_project_root || p.name != node.name || (!top && !FolderMatches(node)))) {
    meta.Append("name", JsonValue::String(p.name));
  }
  if (top) SetMap(meta, "devDependencies", p.dev_dependencies);
  if (!node.resolved.empty() && !(options.omit_registry_resolved && IsRegistryDependency(node))) {
    meta.Append("resolved", JsonValue::String(node.resolved));
  }
  if (node.is_project_root) return meta;
  AppendFlags({node.dev, node.optional, node.dev_optional, node.peer, node.extraneous}, meta);
  return meta;
}

JsonValue MetaFromBundled(const registry::Manifest& package, std::string_view folder,
                          const tree::DepFlags& flags) {
  JsonValue meta = JsonValue::Object();
  AppendPackageFields(package, "", meta);
  if (!package.name.empty() && package.name != folder) meta.Append("name", JsonValue::String(package.name));
  meta.Append("inBundle", JsonValue::Bool(true));
  AppendFlags(flags, meta);
  return meta;
}

Lockfile LockfileFromTree(const tree::IdealTree& tree, const LockfileOptions& options) {
  Lockfile lock;
  const tree::Node* root = tree.tree->root();
  lock.name = root->package().name;
  lock.version = root->package().version;
  const bool bundles = AnyBundles(tree);
  for (const tree::TreeEntry& e : tree.entries) {
    LockEntry entry{e.location, MetaFromNode(*e.node, options)};
    // npm marks what the root's bundleDependencies bring along too (it still installs them).
    std::vector<const tree::Node*> path;
    if (bundles && !e.node->is_link && e.node != root && Bundler(e.node, path)) {
      entry.meta.Append("inBundle", JsonValue::Bool(true));
    }
    if (e.node == root && tree.root_workspaces) entry.meta.Set("workspaces", *tree.root_workspaces);
    lock.packages.push_back(std::move(entry));
  }
  return lock;
}

}  // namespace skua::pm::lockfile
