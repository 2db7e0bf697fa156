// Lockfile agreement checks for `skua ci`.
#include "pm/lockfile/ci_check.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "pm/registry/manifest.h"
#include "pm/semver/range.h"
#include "pm/spec/dep_spec.h"
#include "pm/tree/overrides.h"

namespace skua::pm::lockfile {

namespace {

bool Satisfies(const LockEntry& entry, const std::string& name, const std::string& spec_text) {
  if (entry.meta.GetBool("link")) return true;
  // Most edges are plain ranges: no need to classify them (ResolveSpec) to test them.
  if (std::optional<std::string_view> plain = spec::PlainSemverText(spec_text)) {
    if (*plain == "*") return true;
    const Result<semver::Range>& range = semver::Range::ParseShared(*plain, semver::RangeOptions{.loose = true});
    if (range.ok()) return range->Test(entry.Version());
  }
  Result<spec::DepSpec> spec = spec::ResolveSpec(name, spec_text.empty() ? "*" : spec_text);
  if (!spec.ok()) return false;
  const spec::DepSpec* s = &*spec;
  if (s->type == spec::SpecType::kAlias && s->alias) {
    if (entry.PackageName() != s->alias->name) return false;
    s = s->alias.get();
  }
  switch (s->type) {
    case spec::SpecType::kRange:
    case spec::SpecType::kVersion:
      return s->fetch_spec == "*" ||
             semver::Satisfies(entry.Version(), s->fetch_spec, semver::RangeOptions{.loose = true});
    case spec::SpecType::kTag:
      return !entry.meta.GetString("resolved").empty() || !entry.Version().empty();
    default:
      // Files, URLs and git: the lockfile records what they resolved to.
      return true;
  }
}

void CheckEdges(const LocationIndex& lock, const std::string& from, const registry::StringMap& deps,
                bool optional, const tree::Overrides* scope, std::vector<std::string>* problems) {
  for (const auto& [name, declared] : deps) {
    // An override gives the edge its spec (npm's Edge#spec).
    const std::string spec = scope ? scope->Apply(name, declared) : declared;
    const LockEntry* entry = lock.Resolve(from, name);
    if (!entry) {
      // npm leaves optional dependencies that failed out of the lockfile; their absence
      // is not a disagreement.
      if (!optional) problems->push_back("Missing: " + name + "@" + spec + " from lock file");
      continue;
    }
    if (!Satisfies(*entry, name, spec)) {
      problems->push_back("Invalid: lock file's " + entry->PackageName() + "@" + entry->Version() +
                          " does not satisfy " + name + "@" + spec);
    }
  }
}

registry::StringMap MapOf(const JsonValue* v) {
  registry::StringMap map;
  if (!v || !v->is_object()) return map;
  for (const JsonMember& m : v->members()) {
    if (m.value.is_string()) map.emplace_back(m.key, m.value.str());
  }
  return map;
}

// The override scope of each locked package, carried down the lockfile's edges from the
// root's as npm's tree carries it (the first path found, breadth first, decides).
std::unordered_map<std::string, const tree::Overrides*> OverrideScopes(const LocationIndex& index,
                                                                      const registry::Manifest& root,
                                                                      const tree::Overrides* root_scope) {
  std::unordered_map<std::string, const tree::Overrides*> scopes = {{"", root_scope}};
  std::vector<std::string> queue = {""};
  auto reach = [&](const LockEntry* to, const tree::Overrides* scope) {
    if (to && scopes.emplace(to->location, scope).second) queue.push_back(to->location);
  };
  for (size_t i = 0; i < queue.size(); ++i) {
    const std::string from = queue[i];  // A copy: the queue grows below.
    const tree::Overrides* scope = scopes[from];
    auto follow = [&](const registry::StringMap& deps) {
      for (const auto& [name, spec] : deps) {
        reach(index.Resolve(from, name), scope ? scope->ScopeFor(name, spec) : nullptr);
      }
    };
    if (from.empty()) {
      for (const auto* deps : {&root.dependencies, &root.dev_dependencies, &root.optional_dependencies,
                               &root.peer_dependencies}) {
        follow(*deps);
      }
      continue;
    }
    const LockEntry* entry = index.Find(from);
    if (entry->meta.GetBool("link")) {
      reach(index.Find(entry->meta.GetString("resolved")), scope);
      continue;
    }
    for (const char* kind : {"dependencies", "optionalDependencies", "peerDependencies"}) {
      follow(MapOf(entry->meta.Get(kind)));
    }
  }
  return scopes;
}

}  // namespace

std::vector<std::string> ValidateInventory(const Lockfile& lock, const std::vector<InventoryItem>& ideal) {
  std::vector<std::string> errors;
  LocationIndex index(lock);
  for (const InventoryItem& item : ideal) {
    const LockEntry* locked = index.Find(item.location);
    if (!locked) {
      errors.push_back("Missing: " + item.name + "@" + item.version + " from lock file");
    } else if (locked->Version() != item.version) {
      errors.push_back("Invalid: lock file's " + locked->PackageName() + "@" + locked->Version() +
                       " does not satisfy " + item.name + "@" + item.version);
    }
  }
  return errors;
}

std::vector<std::string> CheckInSync(std::string_view package_json, const Lockfile& lock, bool legacy_peer_deps) {
  std::vector<std::string> problems;
  LocationIndex index(lock);
  Result<registry::Manifest> root = registry::ParsePackageJson(package_json, "package.json");
  if (!root.ok()) {
    problems.push_back(root.status().message());
    return problems;
  }
  registry::StringMap prod;
  for (const auto& entry : root->dependencies) {
    if (!registry::Find(root->optional_dependencies, entry.first)) prod.push_back(entry);
  }
  // The root's `overrides` change the specs of the edges they reach.
  std::unique_ptr<tree::Overrides> overrides;
  std::unordered_map<std::string, const tree::Overrides*> scopes;
  if (Result<JsonValue> doc = ParseJson(package_json, "package.json"); doc.ok()) {
    if (const JsonValue* o = doc->Get("overrides")) overrides = tree::Overrides::FromJson(*o, *root);
  }
  if (overrides) scopes = OverrideScopes(index, *root, overrides.get());
  auto scope_of = [&](const std::string& location) -> const tree::Overrides* {
    auto found = scopes.find(location);
    return found == scopes.end() ? nullptr : found->second;
  };
  CheckEdges(index, "", prod, false, scope_of(""), &problems);
  CheckEdges(index, "", root->optional_dependencies, true, scope_of(""), &problems);
  CheckEdges(index, "", root->dev_dependencies, false, scope_of(""), &problems);
  if (!legacy_peer_deps) {
    registry::StringMap peers;
    for (const auto& entry : root->peer_dependencies) {
      if (!root->IsOptionalPeer(entry.first)) peers.push_back(entry);
    }
    CheckEdges(index, "", peers, false, scope_of(""), &problems);
  }
  for (const LockEntry& e : lock.packages) {
    if (e.location.empty() || e.meta.GetBool("link")) continue;
    CheckEdges(index, e.location, MapOf(e.meta.Get("dependencies")), false, scope_of(e.location), &problems);
    CheckEdges(index, e.location, MapOf(e.meta.Get("optionalDependencies")), true, scope_of(e.location), &problems);
  }
  return problems;
}

std::vector<std::string> CheckWorkspacesInSync(std::string_view root_package_json, const Lockfile& lock,
                                               const std::vector<WorkspaceDecl>& workspaces) {
  std::vector<std::string> problems;
  LocationIndex index(lock);
  Result<JsonValue> root_doc = ParseJson(root_package_json, "package.json");
  const LockEntry* root = index.Find("");
  const JsonValue* declared = root_doc.ok() ? root_doc->Get("workspaces") : nullptr;
  const JsonValue* locked = root ? root->meta.Get("workspaces") : nullptr;
  if ((declared == nullptr) != (locked == nullptr) || (declared && !(*declared == *locked))) {
    problems.push_back("Invalid: lock file's workspaces do not match package.json's");
  }
  // A locked workspace link whose workspace is gone (a `file:` dependency of the root
  // also locks as a link; it is declared in package.json).
  Result<registry::Manifest> root_pkg = registry::ParsePackageJson(root_package_json, "package.json");
  for (const LockEntry& e : lock.packages) {
    if (!e.meta.GetBool("link") || e.location.rfind("node_modules/", 0) != 0) continue;
    std::string name = NameFromLocation(e.location);
    if (e.location != "node_modules/" + name) continue;
    bool is_workspace = false;
    for (const WorkspaceDecl& ws : workspaces) is_workspace |= ws.name == name;
    bool declared = root_pkg.ok() && (registry::Find(root_pkg->dependencies, name) ||
                                      registry::Find(root_pkg->dev_dependencies, name) ||
                                      registry::Find(root_pkg->optional_dependencies, name) ||
                                      registry::Find(root_pkg->peer_dependencies, name));
    if (!is_workspace && !declared) {
      problems.push_back("Extraneous: lock file's link " + e.location + " -> " + e.meta.GetString("resolved") +
                         " is not a workspace");
    }
  }
  for (const WorkspaceDecl& ws : workspaces) {
    const LockEntry* link = index.Find("node_modules/" + ws.name);
    const LockEntry* folder = index.Find(ws.path);
    if (!link || !link->meta.GetBool("link") || link->meta.GetString("resolved") != ws.path || !folder) {
      problems.push_back("Missing: " + ws.name + "@" + ws.path + " from lock file");
      continue;
    }
    Result<registry::Manifest> pkg = registry::ParsePackageJson(ws.package_json, ws.path + "/package.json");
    if (!pkg.ok()) {
      problems.push_back(pkg.status().message());
      continue;
    }
    registry::StringMap prod;
    for (const auto& entry : pkg->dependencies) {
      if (!registry::Find(pkg->optional_dependencies, entry.first)) prod.push_back(entry);
    }
    auto same = [](registry::StringMap a, registry::StringMap b) {
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      return a == b;
    };
    const JsonValue& meta = folder->meta;
    if (!same(prod, MapOf(meta.Get("dependencies"))) || !same(pkg->dev_dependencies, MapOf(meta.Get("devDependencies"))) ||
        !same(pkg->optional_dependencies, MapOf(meta.Get("optionalDependencies"))) ||
        !same(pkg->peer_dependencies, MapOf(meta.Get("peerDependencies"))) ||
        pkg->version != folder->Version()) {
      problems.push_back("Invalid: lock file's " + ws.name + "@" + folder->Version() + " (" + ws.path +
                         ") does not match its package.json");
      continue;
    }
    CheckEdges(index, ws.path, pkg->dev_dependencies, false, nullptr, &problems);
  }
  return problems;
}

Status CiOutOfSyncError(const std::vector<std::string>& problems) {
  if (problems.empty()) return Status::Ok();
  std::string text =
      "`skua ci` can only install packages when your package.json and package-lock.json or "
      "npm-shrinkwrap.json are in sync. Please update your lock file with `skua install` before continuing.\n";
  for (const std::string& p : problems) text += "\n" + p;
  return InvalidArgument(text);
}

}  // namespace skua::pm::lockfile
