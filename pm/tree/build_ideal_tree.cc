// The ideal-tree builder: queue, problem edges, manifests into virtual-root nodes, peer
// sets, placement, and the post-passes. After arborist's build-ideal-tree.js.
#include "pm/tree/build_ideal_tree.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "pm/lockfile/collate.h"
#include "pm/lockfile/json_value.h"
#include "pm/lockfile/stringify.h"
#include "pm/spec/dep_spec.h"
#include "pm/tree/dep_flags.h"
#include "pm/tree/explain_eresolve.h"
#include "pm/tree/overrides.h"
#include "pm/tree/place_dep.h"

namespace skua::pm::tree {

namespace {

class Builder {
 public:
  Builder(PackumentSource& source, const BuildOptions& options) : source_(source), options_(options) {
    place_options_ = PlaceOptions{options.force, options.strict_peer_deps, options.prefer_dedupe,
                                  options.legacy_peer_deps, &options.update_names};
  }

  Result<IdealTree> Run(std::string_view package_json);

 private:
  Status Step(Node* node);
  // arborist's loadVirtual and #initTree: the lockfile's packages as nodes, override
  // scopes carried down their edges, and the nodes with invalid edges queued.
  Status LoadStart(const lockfile::Lockfile& lock);
  // A folder outside node_modules that a lockfile link points at (`location`), with
  // the lockfile's entry for it when there is one.
  Node* LoadLinkTarget(const std::string& location, const lockfile::LockEntry* entry);
  bool ExplicitRequest(const Edge& edge) const {
    if (edge.from->is_project_root) return options_.explicit_requests.count(edge.name) > 0;
    if (!edge.from->is_workspace) return false;
    return options_.explicit_requests.count(edge.from->realpath + ":" + std::string(edge.name)) > 0;
  }
  std::vector<Edge*> ProblemEdges(Node* node);
  Node* VirtualRoot(Node* node, bool reuse);
  Node* NodeFromEdge(Edge* edge, Node* parent, Edge* second, std::set<Node*>* required);
  Node* NodeFromSpec(std::string_view name, std::string_view spec, Node* parent, Edge* edge);
  void LoadPeerSet(Node* node, std::set<Node*>* required);
  // arborist's #failPeerConflict: ERESOLVE for `edge`, with what it resolves to now.
  void FailPeerConflict(Edge* edge, Edge* current_edge);
  Node* FindHoistable(Node* root, Edge* edge);
  void InitNode(Node* node, bool with_dev);
  void Push(Node* node);
  Node* Pop();
  void PrefetchFor(Node* node);

  PackumentSource& source_;
  const BuildOptions& options_;
  PlaceOptions place_options_;
  std::unique_ptr<Tree> tree_ = std::make_unique<Tree>();
  std::unique_ptr<Overrides> overrides_;
  // The queue, in the order npm sorts it before each pop: depth, then location
  // (localeCompare), then the order nodes were queued in. A node's key is computed when
  // it is queued and again for every queued node once nodes have moved (rare).
  struct Queued {
    int depth;
    std::string location;
    uint64_t seq;
    Node* node;
  };
  struct QueueOrder {
    bool operator()(const Queued& a, const Queued& b) const {
      if (a.depth != b.depth) return a.depth < b.depth;
      int c = lockfile::LocaleCompare(a.location, b.location);
      return c != 0 ? c < 0 : a.seq < b.seq;
    }
  };
  std::set<Queued, QueueOrder> queue_;
  std::set<Node*> queued_;
  uint64_t queue_seq_ = 0;
  uint64_t queue_relocations_ = 0;  // tree_->relocations() the keys were computed at.
  std::set<Node*> seen_;
  std::set<Node*> load_failures_;
  std::map<Node*, Node*> virtual_roots_;
  std::map<Node*, Node*> peer_set_source_;
  std::vector<std::string> warnings_;
  std::string peer_error_;
  static constexpr int kMaxStepsAtLocation = 100;
  std::unordered_map<std::string, int> steps_at_;  // Location -> nodes stepped there.
  std::vector<Node*> link_targets_;
  std::map<std::string, std::string> workspace_paths_;  // Path -> workspace name.
  std::map<std::pair<const registry::Packument*, std::string>, Result<const registry::Manifest*>> picks_;
  // One shared copy of each picked manifest (the packument's stays with the source).
  std::map<const registry::Manifest*, std::shared_ptr<const registry::Manifest>> shared_;
  const std::shared_ptr<const registry::Manifest>& Shared(const registry::Manifest* picked) {
    std::shared_ptr<const registry::Manifest>& copy = shared_[picked];
    if (!copy) copy = std::make_shared<registry::Manifest>(*picked);
    return copy;
  }
};

// Edges of a new node, with the overrides in its scope applied.
void Builder::InitNode(Node* node, bool with_dev) {
  AddEdges(node, with_dev, options_.legacy_peer_deps);
  if (!node->overrides) return;
  for (Edge& e : node->edges) {
    // The root's own edges keep their specs: npm refuses conflicting overrides there.
    if (!node->is_project_root) e.spec = tree_->Intern(node->overrides->Apply(e.name, e.raw_spec));
  }
}

void Builder::Push(Node* node) {
  if (!queued_.insert(node).second) return;
  queue_.insert(Queued{node->Depth(), node->Location(), queue_seq_++, node});
}

Node* Builder::Pop() {
  if (queue_relocations_ != tree_->relocations()) {
    queue_relocations_ = tree_->relocations();
    std::set<Queued, QueueOrder> rekeyed;
    for (const Queued& q : queue_) rekeyed.insert(Queued{q.node->Depth(), q.node->Location(), q.seq, q.node});
    queue_.swap(rekeyed);
  }
  Node* n = queue_.begin()->node;
  queue_.erase(queue_.begin());
  queued_.erase(n);
  return n;
}

std::vector<Edge*> Builder::ProblemEdges(Node* node) {
  std::set<std::string, std::less<>> bundled;
  // The root's and workspaces' bundled dependencies are installed like any other.
  if (!node->is_project_root && !node->is_workspace) {
    bundled.insert(node->package().bundle_dependencies.begin(), node->package().bundle_dependencies.end());
  }
  std::vector<Edge*> problems;
  for (Edge& e : node->edges) {
    if (bundled.count(e.name)) continue;
    Node* to = e.To();
    if (to && load_failures_.count(to)) continue;
    if (!to) {
      if (e.type != EdgeType::kPeerOptional || ExplicitRequest(e)) problems.push_back(&e);
      continue;
    }
    if (!e.Valid()) {
      problems.push_back(&e);
      continue;
    }
    if (to->is_workspace) continue;
    if (options_.update_names.count(e.name) || ExplicitRequest(e)) problems.push_back(&e);
  }
  return problems;
}

void Builder::PrefetchFor(Node* node) {
  std::vector<std::string> names;
  for (Edge* e : ProblemEdges(node)) {
    const Result<spec::DepSpec>& s = tree_->ResolveSpec(e->name, e->spec);
    if (!s.ok() || !s->registry()) continue;
    names.push_back(s->type == spec::SpecType::kAlias && s->alias ? s->alias->name : std::string(e->name));
  }
  if (!names.empty()) source_.Prefetch(names);
}

Node* Builder::VirtualRoot(Node* node, bool reuse) {
  if (reuse) {
    auto it = virtual_roots_.find(node);
    if (it != virtual_roots_.end()) return it->second;
  }
  Node* vr = tree_->NewNode();
  vr->source_reference = node;
  vr->name = node->name;
  vr->manifest = node->manifest;
  vr->overrides = node->overrides;
  vr->realpath = node->realpath;
  vr->edges = node->edges;
  for (Edge& e : vr->edges) {
    e.from = vr;
    e.peer_conflicted = false;
  }
  tree_->IndexEdges(vr);
  virtual_roots_[node] = vr;
  return vr;
}

Node* Builder::NodeFromSpec(std::string_view name, std::string_view spec_text, Node* parent, Edge* edge) {
  Node* node = tree_->NewNode();
  node->name = name;
  Node* overrides_from = edge ? edge->from : parent;
  const Overrides* scope = overrides_from ? overrides_from->overrides : nullptr;
  const Result<spec::DepSpec>& spec = tree_->ResolveSpec(name, spec_text.empty() ? "*" : spec_text);
  if (!spec.ok()) {
    node->error = spec.status().message();
  } else if (spec->type == spec::SpecType::kDirectory || spec->type == spec::SpecType::kLink) {
    Result<registry::Manifest> folder = source_.ReadFolder(spec->fetch_spec);
    node->is_link = true;
    node->realpath = spec->fetch_spec;
    if (node->realpath.rfind("./", 0) == 0) node->realpath = node->realpath.substr(2);
    Node* target = tree_->NewNode();
    target->name = name;
    target->realpath = node->realpath;
    if (folder.ok()) target->manifest = std::make_shared<registry::Manifest>(std::move(folder).value());
    tree_->SetFsParent(target, tree_->root());
    target->overrides = scope;
    // A workspace is a top node of its own: npm names it after its folder and loads its
    // devDependencies.
    auto workspace_name = workspace_paths_.find(node->realpath);
    bool workspace = workspace_name != workspace_paths_.end();
    if (workspace) {
      target->is_workspace = true;
      target->name = node->realpath.substr(node->realpath.rfind('/') + 1);
      // A package.json without a name: the workspace is named after its folder.
      if (target->package().name.empty()) target->mutable_package().name = workspace_name->second;
    }
    InitNode(target, workspace);
    node->link_target = target;
    node->manifest = target->manifest;
    link_targets_.push_back(target);
  } else if (spec->type == spec::SpecType::kGit && options_.read_git) {
    Result<GitPackage> git = options_.read_git(*spec);
    if (git.ok()) {
      node->manifest = std::make_shared<registry::Manifest>(std::move(git->manifest));
      node->resolved = git->resolved;
    } else {
      node->error = git.status().message();
    }
  } else if (!spec->registry()) {
    node->error = "Unsupported dependency type for " + std::string(name) + "@" + std::string(spec_text);
  } else {
    const spec::DepSpec& reg = spec->type == spec::SpecType::kAlias && spec->alias ? *spec->alias : *spec;
    Result<const registry::Packument*> packument = source_.Get(reg.name);
    registry::PickFailure failure;
    if (!packument.ok()) {
      node->error = packument.status().message();
    } else {
      // The same (packument, spec) is picked again for every copy of a dependency.
      auto key = std::make_pair(*packument, reg.fetch_spec);
      auto memo = picks_.find(key);
      if (memo == picks_.end()) {
        Result<const registry::Manifest*> picked = registry::PickManifest(**packument, reg.fetch_spec, options_.pick, &failure);
        if (!picked.ok() && !failure.code.empty()) {
          // npm's words: the code, then its explanation under the message.
          std::string message = "code " + failure.code + "\n" + picked.status().message();
          for (const std::string& line : registry::NoTargetHelp(failure)) message += "\n" + line;
          picked = NotFound(message);
        }
        memo = picks_.emplace(key, std::move(picked)).first;
      }
      const Result<const registry::Manifest*>& picked = memo->second;
      if (!picked.ok()) {
        node->error = picked.status().message();
      } else {
        node->manifest = Shared(*picked);
        node->resolved = node->package().dist.tarball;
        node->integrity = node->package().dist.integrity;
      }
    }
  }
  // npm scopes a package by the rule its edge met, tested with the spec as declared.
  node->overrides = scope ? scope->ScopeFor(name, edge ? edge->raw_spec : spec_text) : nullptr;
  // A link has no edges of its own (arborist's Link): its target's edges resolve from
  // the target's folder.
  if (!node->is_link) InitNode(node, false);
  tree_->SetParent(node, parent);
  return node;
}

Node* Builder::NodeFromEdge(Edge* edge, Node* parent, Edge* second_edge, std::set<Node*>* required) {
  if (!parent) parent = VirtualRoot(edge->from, false);
  Node* first = NodeFromSpec(edge->name, edge->spec, parent, edge);
  Node* second = nullptr;
  if (second_edge && !second_edge->Valid()) second = NodeFromSpec(edge->name, second_edge->spec, parent, second_edge);
  Node* node = second && edge->Valid() ? second : first;
  tree_->SetParent(node, parent);
  if ((required->count(edge->from) && edge->type != EdgeType::kPeerOptional) ||
      (second_edge && required->count(second_edge->from) && second_edge->type != EdgeType::kPeerOptional)) {
    required->insert(node);
  }
  peer_set_source_[node] = parent->source_reference;
  LoadPeerSet(node, required);
  return node;
}

void Builder::FailPeerConflict(Edge* edge, Edge* current_edge) {
  PeerConflict conflict;
  conflict.edge = edge;
  conflict.current = edge->from->Resolve(edge->name);
  conflict.current_edge = current_edge;
  conflict.strict_peer_deps = options_.strict_peer_deps;
  conflict.current_first = true;
  peer_error_ = ExplainPeerConflict("unable to resolve dependency tree", conflict);
}

void Builder::LoadPeerSet(Node* node, std::set<Node*>* required) {
  std::vector<Edge*> peers;
  for (Edge& e : node->edges) {
    if (e.peer() && !(e.Valid() && e.To())) peers.push_back(&e);
  }
  std::stable_sort(peers.begin(), peers.end(),
                   [](Edge* a, Edge* b) { return lockfile::LocaleCompare(a->name, b->name) < 0; });
  for (Edge* edge : peers) {
    if (!node->parent || !peer_error_.empty()) break;
    if (edge->Valid() && edge->To()) continue;
    Edge* parent_edge = node->parent->EdgeOut(edge->name);
    Node* source = node->parent->source_reference;
    bool is_mine = source && (source->is_project_root || source->is_workspace);
    bool conflict_ok = options_.force || (!is_mine && !options_.strict_peer_deps);
    if (!edge->To()) {
      if (!parent_edge) {
        NodeFromEdge(edge, node->parent, nullptr, required);
        continue;
      }
      Node* dep = NodeFromEdge(parent_edge, node->parent, edge, required);
      if (edge->Valid()) continue;
      if (conflict_ok || !required->count(dep)) {
        edge->peer_conflicted = true;
        continue;
      }
      FailPeerConflict(edge, parent_edge);
      return;
    }
    Node* current = edge->To();
    Node* dep = NodeFromEdge(edge, nullptr, nullptr, required);
    if (dep->CanReplace(current)) {
      NodeFromEdge(edge, node->parent, nullptr, required);
      continue;
    }
    if (conflict_ok || !required->count(edge->from)) continue;
    FailPeerConflict(edge, parent_edge);
    return;
  }
}

// A lockfile entry's package as loadVirtual reads it: the entry's own fields.
Result<std::shared_ptr<const registry::Manifest>> LockedPackage(const lockfile::LockEntry& e) {
  Result<registry::Manifest> manifest =
      registry::ParsePackageJson(lockfile::StringifyJson(e.meta, ""), e.location);
  if (!manifest.ok()) return manifest.status();
  registry::Manifest package = std::move(manifest).value();
  package.name = e.PackageName();
  package.has_shrinkwrap = e.meta.GetBool("hasShrinkwrap");
  return std::shared_ptr<const registry::Manifest>(std::make_shared<registry::Manifest>(std::move(package)));
}

Node* Builder::LoadLinkTarget(const std::string& location, const lockfile::LockEntry* entry) {
  Node* target = tree_->NewNode();
  target->name = location.substr(location.rfind('/') + 1);
  target->realpath = location;
  // The folder's package.json as it is now (the user may have edited it), as loadVirtual
  // reads it; the lockfile's entry if it cannot be read.
  Result<registry::Manifest> folder = source_.ReadFolder(location);
  if (folder.ok()) {
    target->manifest = std::make_shared<registry::Manifest>(std::move(folder).value());
  } else if (entry) {
    Result<std::shared_ptr<const registry::Manifest>> locked = LockedPackage(*entry);
    if (locked.ok()) target->manifest = *locked;
  }
  tree_->SetFsParent(target, tree_->root());
  target->overrides = tree_->root()->overrides;
  auto workspace_name = workspace_paths_.find(location);
  if (workspace_name != workspace_paths_.end()) {
    target->is_workspace = true;
    if (target->package().name.empty()) target->mutable_package().name = workspace_name->second;
  }
  link_targets_.push_back(target);
  return target;
}

Status Builder::LoadStart(const lockfile::Lockfile& lock) {
  Node* root = tree_->root();
  std::unordered_map<std::string, Node*> at = {{"", root}};
  // Holders before what they hold: link targets (folders outside node_modules) first,
  // then by depth, each depth in the lockfile's order; links once their targets exist.
  std::vector<const lockfile::LockEntry*> entries, links;
  // What dependencies' tarballs bring along is loaded (edges resolve to it as they will
  // on disk) but never worked on; the flags leave it extraneous, as a fresh resolution
  // leaves it out, and the installer lists it again from the tarballs
  // (cli/bundled_entries).
  std::optional<lockfile::LocationIndex> index;
  std::set<std::string_view> bundled;
  for (const lockfile::LockEntry& e : lock.packages) {
    if (e.location.empty()) continue;
    if (e.meta.GetBool("inBundle")) {
      if (!index) index.emplace(lock);
      if (lockfile::InDependencyBundle(*index, e.location)) bundled.insert(e.location);
    }
    (e.meta.GetBool("link") ? links : entries).push_back(&e);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const lockfile::LockEntry* a, const lockfile::LockEntry* b) {
    return lockfile::LocationDepth(a->location) < lockfile::LocationDepth(b->location);
  });
  for (const lockfile::LockEntry* e : entries) {
    if (lockfile::IsTopLocation(e->location)) {
      at[e->location] = LoadLinkTarget(e->location, e);
      continue;
    }
    auto holder = at.find(lockfile::HolderLocation(e->location));
    if (holder == at.end()) return InvalidArgument("lockfile: " + e->location + " has no holder entry");
    Result<std::shared_ptr<const registry::Manifest>> package = LockedPackage(*e);
    if (!package.ok()) return package.status();
    Node* node = tree_->NewNode();
    node->name = lockfile::NameFromLocation(e->location);
    node->manifest = *package;
    node->resolved = e->meta.GetString("resolved");
    node->integrity = e->meta.GetString("integrity");
    node->in_dep_bundle = bundled.count(e->location) > 0;
    tree_->SetParent(node, holder->second);
    at[e->location] = node;
  }
  for (const lockfile::LockEntry* e : links) {
    auto holder = at.find(lockfile::HolderLocation(e->location));
    if (holder == at.end()) return InvalidArgument("lockfile: " + e->location + " has no holder entry");
    std::string target_location = e->meta.GetString("resolved");
    if (target_location.starts_with("./")) target_location = target_location.substr(2);
    Node*& target = at[target_location];
    if (!target) target = LoadLinkTarget(target_location, nullptr);
    Node* link = tree_->NewNode();
    link->name = lockfile::NameFromLocation(e->location);
    link->is_link = true;
    link->realpath = target_location;
    link->link_target = target;
    link->manifest = target->manifest;
    // A folder that is no workspace is named after the dependency that links it.
    if (!target->is_workspace) target->name = link->name;
    tree_->SetParent(link, holder->second);
  }
  // Edges from the root down, each node scoped by the override rule the first edge to
  // reach it met; what no edge reaches keeps the root's rules (it is pruned anyway).
  // Nodes with invalid edges are queued, except beyond a link (arborist's walk does not
  // follow links: their targets are visited once the queue is empty, as in a fresh build).
  struct Walked {
    Node* node;
    bool beyond_link;
  };
  std::vector<Walked> walk = {{root, false}};
  std::set<Node*> reached = {root};
  for (size_t i = 0; i < walk.size(); ++i) {
    auto [node, beyond_link] = walk[i];
    if (node != root) InitNode(node, node->is_workspace);
    tree_->IndexEdges(node);
    bool invalid = false;
    for (Edge& edge : node->edges) {
      if (!edge.Valid()) invalid = true;
      Node* to = edge.To();
      bool through_link = to && to->is_link;
      if (through_link) to = to->link_target;
      if (!to || !reached.insert(to).second) continue;
      to->overrides = node->overrides ? node->overrides->ScopeFor(edge.name, edge.raw_spec) : nullptr;
      walk.push_back({to, beyond_link || through_link});
    }
    if (invalid && !beyond_link && !node->in_dep_bundle) Push(node);
  }
  for (auto& [location, node] : at) {
    if (reached.count(node)) continue;
    node->overrides = root->overrides;
    InitNode(node, node->is_workspace);
    tree_->IndexEdges(node);
  }
  // arborist's #queueNamedUpdates: whatever depends on a package being updated.
  for (auto& [location, node] : at) {
    if (node->IsTop() || node->in_dep_bundle || !options_.update_names.count(node->name)) continue;
    for (Edge* in : node->EdgesIn()) Push(in->from);
  }
  return Status::Ok();
}

Node* Builder::FindHoistable(Node* root, Edge* edge) {
  std::vector<Node*> queue;
  for (auto& [n, kid] : root->children) queue.push_back(kid);
  for (size_t i = 0; i < queue.size(); ++i) {
    Node* node = queue[i];
    if (node->name == edge->name && !node->in_dep_bundle && edge->SatisfiedBy(node)) return node;
    for (auto& [n, kid] : node->children) queue.push_back(kid);
  }
  return nullptr;
}

Status Builder::Step(Node* node) {
  struct Task {
    Edge* edge;
    Node* dep;
  };
  std::vector<Task> tasks;
  Node* peer_source = peer_set_source_.count(node) && peer_set_source_[node] ? peer_set_source_[node] : node;
  for (Edge* edge : ProblemEdges(node)) {
    if (edge->peer_conflicted) continue;
    Node* source = edge->peer() ? peer_source : node;
    Node* vr = VirtualRoot(source, true);
    Edge* vr_edge = vr->EdgeOut(edge->name);
    Node* vr_dep = vr_edge && vr_edge->Valid() ? vr_edge->To() : nullptr;
    std::set<Node*> required = {edge->from};
    Node* dep = vr_dep && edge->SatisfiedBy(vr_dep) ? vr_dep : nullptr;
    if (!dep && edge->type == EdgeType::kPeerOptional) {
      dep = FindHoistable(node->ResolveParent() ? node->ResolveParent() : node, edge);
    }
    if (!dep) dep = NodeFromEdge(edge, edge->peer() ? vr : nullptr, nullptr, &required);
    if (!peer_error_.empty()) return InvalidArgument(peer_error_);
    tasks.push_back(Task{edge, dep});
  }
  std::stable_sort(tasks.begin(), tasks.end(), [](const Task& a, const Task& b) {
    return lockfile::LocaleCompare(a.edge->name, b.edge->name) < 0;
  });
  for (const Task& task : tasks) {
    PlaceDep pd(task.dep, task.edge, nullptr, place_options_, &warnings_, ExplicitRequest(*task.edge));
    if (!pd.error().empty()) return InvalidArgument(pd.error());
    std::vector<Placed> placed;
    pd.Collect(&placed);
    for (const Placed& p : placed) {
      if (!p.node->error.empty()) load_failures_.insert(p.node);
      if (options_.on_placed && !p.node->is_link) options_.on_placed(*p.node);
      // Dependents the placement broke are visited again, even when visited already
      // (npm 11 since npm/cli#8726 for installs that save, and for every replacement).
      // Without saving or a requested change, npm visits only those not yet visited.
      for (Edge* in : p.node->EdgesIn()) {
        if (in == p.edge || in->peer_conflicted || in->Valid()) continue;
        if (p.self == Placement::kReplace || options_.revisit_dependents) {
          seen_.erase(in->from);
        } else if (seen_.count(in->from)) {
          continue;
        }
        Push(in->from);
      }
      Push(p.node);
      PrefetchFor(p.node);
    }
    for (Node* n : pd.need_evaluation()) {
      seen_.erase(n);
      Push(n);
    }
  }
  return Status::Ok();
}

Result<IdealTree> Builder::Run(std::string_view package_json) {
  Result<registry::Manifest> root_manifest = registry::ParsePackageJson(package_json, "package.json");
  if (!root_manifest.ok()) return root_manifest.status();
  Result<lockfile::JsonValue> root_json = lockfile::ParseJson(package_json, "package.json");
  if (!root_json.ok()) return root_json.status();
  Node* root = tree_->root();
  root->manifest = std::make_shared<registry::Manifest>(std::move(root_manifest).value());
  root->name = root->package().name;
  if (const lockfile::JsonValue* o = root_json->Get("overrides")) overrides_ = Overrides::FromJson(*o, root->package());
  root->overrides = overrides_.get();
  InitNode(root, true);
  // npm's assertRootOverrides: an override may not change a direct dependency's spec
  // (a "$name" rule names the root's own spec, so it does not).
  if (overrides_) {
    for (const Edge& e : root->edges) {
      if (overrides_->Apply(e.name, e.raw_spec) != e.raw_spec) {
        return InvalidArgument("code EOVERRIDE\nOverride for " + std::string(e.name) + "@" +
                               std::string(e.raw_spec) + " conflicts with direct dependency");
      }
    }
  }
  for (const WorkspaceRef& ws : options_.workspaces) {
    workspace_paths_[ws.path] = ws.name;
    std::string_view spec = tree_->Intern("file:" + ws.path);
    Edge edge{root, EdgeType::kProd, tree_->Intern(ws.name), spec, spec};
    if (Edge* existing = root->EdgeOut(ws.name)) {
      *existing = edge;
    } else {
      root->edges.push_back(edge);
    }
  }
  tree_->IndexEdges(root);
  if (options_.start) {
    Status loaded = LoadStart(*options_.start);
    if (!loaded.ok()) return loaded;
  }
  PrefetchFor(root);
  Push(root);
  while (true) {
    while (!queue_.empty()) {
      Node* node = Pop();
      if (seen_.count(node) || node->Root() != root) continue;
      if (node->IsVirtualRoot()) continue;
      seen_.insert(node);
      // A place whose package keeps being replaced means placement is going round in
      // circles (it did for @redwoodjs/core 7's @envelop peer group before peer groups
      // were pruned on replacement): stop with an error rather than run forever. Real
      // trees step a location a few times at most.
      const std::string location = node->Location();
      if (++steps_at_[location] > kMaxStepsAtLocation) {
        return InvalidArgument("skua could not settle the dependency tree: the package at " + location +
                        " was replaced over and over (placement went round in circles). This is a skua "
                        "bug (npm may resolve this project); please report it with your package.json.");
      }
      Status s = Step(node);
      if (!s.ok()) return s;
    }
    // Link targets (file: folders) are queued once the registry part is done.
    bool queued = false;
    for (Node* target : link_targets_) {
      if (!seen_.count(target)) {
        Push(target);
        queued = true;
      }
    }
    if (!queued) break;
  }

  CalcDepFlags(*tree_);
  // npm prunes what a tree started from a lockfile no longer needs (idealTreePrune).
  // Bundled packages go too: the caller lists them from their tarballs.
  if (options_.start) {
    for (Node* node : tree_->Inventory()) {
      if ((node->extraneous || node->in_dep_bundle) && !node->is_project_root) tree_->SetParent(node, nullptr);
    }
  }
  for (Node* failed : load_failures_) {
    if (!failed->parent) continue;
    if (!failed->optional) return NotFound(failed->error);
    for (Node* n : OptionalSet(failed)) n->inert = true;
  }
  for (Node* node : tree_->Inventory()) {
    if (node->is_link || node->is_project_root || !node->error.empty()) continue;
    bool engine_ok = options_.pick.node_version.empty() || registry::EngineOk(node->package(), options_.pick.node_version);
    Status platform = registry::CheckPlatform(
        node->package(), !node->optional && options_.host_platform ? *options_.host_platform : options_.platform);
    if (!node->optional) {
      if (!engine_ok) warnings_.push_back(registry::CheckEngine(node->package(), options_.pick.node_version).message());
      if (!platform.ok()) return platform;
    } else if (!node->inert && (!engine_ok || !platform.ok())) {
      for (Node* n : OptionalSet(node)) n->inert = true;
    }
  }

  IdealTree result;
  for (Node* node : tree_->Inventory()) {
    if (!node->error.empty()) continue;
    result.entries.push_back(TreeEntry{node->Location(), node->name, node});
  }
  std::stable_sort(result.entries.begin(), result.entries.end(), [](const TreeEntry& a, const TreeEntry& b) {
    return lockfile::LocaleCompare(a.location, b.location) < 0;
  });
  result.warnings = std::move(warnings_);
  if (const lockfile::JsonValue* ws = root_json->Get("workspaces")) result.root_workspaces = *ws;
  result.tree = std::move(tree_);
  return result;
}

}  // namespace

bool StartsFromLockfile(const lockfile::Lockfile& lock) {
  const lockfile::LocationIndex index(lock);
  for (const lockfile::LockEntry& e : lock.packages) {
    if (e.location.empty() || lockfile::IsTopLocation(e.location)) continue;
    std::string holder = lockfile::HolderLocation(e.location);
    if (!holder.empty() && !index.Find(holder)) return false;
    if (!e.meta.GetBool("link") && e.Version().empty()) return false;
  }
  return true;
}

Result<IdealTree> BuildIdealTree(std::string_view package_json, PackumentSource& source, const BuildOptions& options) {
  Builder builder(source, options);
  return builder.Run(package_json);
}

}  // namespace skua::pm::tree
