// CanPlace and PlaceDep, after npm arborist's can-place-dep.js and place-dep.js.
#include "pm/tree/place_dep.h"

#include <algorithm>
#include <utility>

#include "pm/lockfile/collate.h"
#include "pm/semver/version.h"

namespace skua::pm::tree {

namespace {

int CompareVersions(const std::string& a, const std::string& b) {
  Result<semver::Version> va = semver::ParseVersion(a, true);
  Result<semver::Version> vb = semver::ParseVersion(b, true);
  if (!va.ok() || !vb.ok()) return 0;
  return semver::Compare(*va, *vb);
}

// The node a placement creates: the virtual-root node's package, with edges re-owned.
Node* CopyForPlacement(const Node* dep) {
  Node* n = dep->tree->NewNode();
  n->name = dep->name;
  n->manifest = dep->manifest;
  n->resolved = dep->resolved;
  n->integrity = dep->integrity;
  n->error = dep->error;
  n->overrides = dep->overrides;
  n->is_link = dep->is_link;
  n->link_target = dep->link_target;
  n->realpath = dep->realpath;
  n->edges = dep->edges;
  // A new node, as npm makes one: its edges start unconflicted (a peer its virtual root
  // could not satisfy is looked at again where it is placed).
  for (Edge& e : n->edges) {
    e.from = n;
    e.peer_conflicted = false;
  }
  n->tree->IndexEdges(n);
  return n;
}

// npm's peerEntrySets: every edge that brings `node` in as part of a peer group (a
// non-peer edge, or a peer edge from a top node) with the group it brings, in the order
// npm's Map keeps them.
std::vector<std::pair<Edge*, std::vector<Node*>>> PeerEntrySets(Node* node) {
  auto add = [](std::vector<Node*>& set, Node* n) {
    if (std::find(set.begin(), set.end(), n) == set.end()) set.push_back(n);
  };
  auto peers_out = [&add](std::vector<Node*>& set) {
    for (size_t i = 0; i < set.size(); ++i) {
      for (Edge& e : set[i]->edges) {
        if (e.Valid() && e.peer() && e.To()) add(set, e.To());
      }
    }
  };
  // Every peer group `node` is part of, joined: peers out, and dependents through peers.
  std::vector<Node*> joined = {node};
  for (size_t i = 0; i < joined.size(); ++i) {
    for (Edge& e : joined[i]->edges) {
      if (e.Valid() && e.peer() && e.To()) add(joined, e.To());
    }
    for (Edge* e : joined[i]->EdgesIn()) {
      if (e->Valid() && e->peer()) add(joined, e->from);
    }
  }
  std::vector<std::pair<Edge*, std::vector<Node*>>> sets;
  for (Node* peer : joined) {
    for (Edge* e : peer->EdgesIn()) {
      if (!e->Valid() || (e->peer() && !e->from->IsTop())) continue;
      std::vector<Node*> group = {peer};
      peers_out(group);
      if (std::find(group.begin(), group.end(), node) == group.end()) continue;
      auto same = std::find_if(sets.begin(), sets.end(), [e](const auto& s) { return s.first == e; });
      if (same != sets.end()) {
        same->second = std::move(group);
      } else {
        sets.emplace_back(e, std::move(group));
      }
    }
  }
  return sets;
}

}  // namespace

Node* DeepestNestingTarget(Node* start, std::string_view name) {
  for (Node* target : start->Ancestry()) {
    if (target->is_project_root || !target->ResolveParent()) return target;
    const Edge* e = target->EdgeOut(name);
    if (!e || !e->peer()) return target;
  }
  return start;
}

CanPlace::CanPlace(Node* dep, Node* target, Edge* edge, CanPlace* parent, std::vector<Node*> peer_path,
                   bool prefer_dedupe, bool explicit_request)
    : dep_(dep),
      target_(target),
      edge_(edge),
      parent_(parent),
      peer_path_(std::move(peer_path)),
      prefer_dedupe_(prefer_dedupe || edge->peer()),
      explicit_request_(explicit_request) {
  auto it = target->children.find(edge->name);
  current_ = it == target->children.end() ? nullptr : it->second;
  target_edge_ = target->EdgeOut(edge->name);
  edge_override_ = !edge->SatisfiedBy(dep);
  can_place_ = Check();
  if (!can_place_self_) can_place_self_ = can_place_;
}

std::vector<const CanPlace*> CanPlace::ConflictChildren() const {
  std::vector<const CanPlace*> all;
  for (const auto& child : children_) all.push_back(child.get());
  for (size_t i = 0; i < all.size(); ++i) {
    for (const auto& grandchild : all[i]->children_) all.push_back(grandchild.get());
  }
  std::vector<const CanPlace*> conflicts;
  for (const CanPlace* c : all) {
    if (c->can_place_ == Placement::kConflict) conflicts.push_back(c);
  }
  return conflicts;
}

Node* CanPlace::DeepestTarget() {
  Node* start = parent_ ? parent_->DeepestTarget() : edge_->from;
  return DeepestNestingTarget(start, edge_->name);
}

Placement CanPlace::Check() {
  if (!dep_->error.empty()) return current_ ? Placement::kReplace : Placement::kOk;
  if (target_edge_ && target_edge_->peer() && !target_->IsTop()) return Placement::kConflict;
  if (!current_ && target_edge_ && !target_edge_->SatisfiedBy(dep_) && target_edge_ != edge_) {
    return Placement::kConflict;
  }
  return current_ ? CheckCurrent() : CheckNoCurrent();
}

Placement CanPlace::CheckCurrent() {
  if (dep_->Matches(current_) && (edge_->SatisfiedBy(current_) || edge_override_)) {
    return explicit_request_ ? Placement::kReplace : Placement::kKeep;
  }
  const std::string& cur = current_->version();
  const std::string& next = dep_->version();
  bool try_replace = !cur.empty() && !next.empty() && CompareVersions(next, cur) >= 0;
  if (try_replace && dep_->CanReplace(current_)) {
    Placement p = CheckPeers(Placement::kReplace);
    if (p != Placement::kConflict) return p;
  }
  if (edge_->SatisfiedBy(current_) && (!explicit_request_ || prefer_dedupe_)) return Placement::kKeep;
  if (prefer_dedupe_ && !try_replace && dep_->CanReplace(current_)) {
    Placement p = CheckPeers(Placement::kReplace);
    if (p != Placement::kConflict) return p;
  }
  if (target_ != DeepestTarget()) return Placement::kConflict;
  if (!edge_->peer() && target_ == edge_->from) return CheckPeers(Placement::kReplace);
  if (!parent_ && !edge_->peer()) return Placement::kConflict;
  // A peer that must live here: `current` may go if every other peer group it belongs to
  // can be replaced by the group being placed, or can be nested deeper below its entry.
  for (const auto& [entry_edge, current_peers] : PeerEntrySets(current_)) {
    if (entry_edge == edge_ || entry_edge == Top()->edge_) continue;
    if (CanReplaceGroup(entry_edge)) continue;
    for (Node* peer : current_peers) {
      Node* deepest = DeepestNestingTarget(entry_edge->from, peer->name);
      if (deepest == target_ || target_->IsDescendantOf(deepest)) return Placement::kConflict;
    }
  }
  return CheckPeers(Placement::kReplace);
}

// Whether the group placed with dep_ (its virtual root's children) may take the place of
// the peer group `entry_edge` brings in: its member of that name serves everything the
// current one does, or, when the group has none, every peer edge walking out from the
// current entry node is met by the group's member of that name (or reaches a node the
// group does not replace).
bool CanPlace::CanReplaceGroup(Edge* entry_edge) const {
  Node* entry_node = entry_edge->To();
  Node* group = dep_->parent;
  if (!entry_node || !group) return false;
  auto member = [group](std::string_view name) -> Node* {
    auto it = group->children.find(name);
    return it == group->children.end() ? nullptr : it->second;
  };
  if (Node* replacement = member(entry_node->name)) {
    std::set<std::string> names;
    for (const auto& [name, child] : group->children) names.insert(name);
    return replacement->CanReplace(entry_node, names);
  }
  std::vector<Node*> walk = {entry_node};
  for (size_t i = 0; i < walk.size(); ++i) {
    for (Edge& edge : walk[i]->edges) {
      if (!edge.peer() || !edge.Valid()) continue;
      if (Node* replacement = member(edge.name)) {
        if (!edge.SatisfiedBy(replacement)) return false;
      } else if (Node* to = edge.To(); to && std::find(walk.begin(), walk.end(), to) == walk.end()) {
        walk.push_back(to);
      }
    }
  }
  return true;
}

Placement CanPlace::CheckNoCurrent() {
  Node* entry_from = Top()->edge_->from;
  Node* current = target_ != entry_from ? target_->Resolve(edge_->name) : nullptr;
  if (current) {
    for (Edge* in : current->EdgesIn()) {
      if (in->from->IsDescendantOf(target_) && in->Valid() && !in->SatisfiedBy(dep_)) return Placement::kConflict;
    }
  }
  return CheckPeers(Placement::kOk);
}

Placement CanPlace::CheckPeers(Placement state) {
  can_place_self_ = state;
  if (peers_result_) return *peers_result_;
  std::vector<Node*> path = peer_path_;
  path.push_back(dep_);
  bool conflict = false;
  for (Edge& peer_edge : dep_->edges) {
    if (!peer_edge.peer()) continue;
    Node* peer = peer_edge.To();
    if (!peer || std::find(path.begin(), path.end(), peer) != path.end()) continue;
    Node* target = DeepestNestingTarget(target_, peer->name);
    children_.push_back(std::make_unique<CanPlace>(peer, target, &peer_edge, this, path, true));
    if (children_.back()->can_place() == Placement::kConflict) conflict = true;
  }
  peers_result_ = conflict ? Placement::kConflict : state;
  return *peers_result_;
}

bool CanDedupe(Node* node, bool prefer_dedupe, bool explicit_request) {
  if (node->in_dep_bundle) return false;
  if (!node->ResolveParent() || !node->ResolveParent()->ResolveParent()) return false;
  if (node->EdgesIn().empty()) return true;
  Node* other = node->ResolveParent()->ResolveParent()->Resolve(node->name);
  if (!other) return false;
  if (other->Matches(node)) return true;
  if (!other->CanReplace(node)) return false;
  int cmp = CompareVersions(other->version(), node->version());
  return prefer_dedupe || cmp >= 0 || explicit_request;
}

PlaceDep::PlaceDep(Node* dep, Edge* edge, PlaceDep* parent, const PlaceOptions& options,
                   std::vector<std::string>* warnings, bool explicit_request)
    : dep_(dep),
      edge_(edge),
      parent_(parent),
      options_(options),
      warnings_(warnings),
      explicit_request_(explicit_request),
      name_(edge->name) {
  Run();
}

Node* PlaceDep::StartNode() {
  Node* from = parent_ ? parent_->StartNode() : edge_->from;
  return DeepestNestingTarget(from, name_);
}

bool PlaceDep::IsMine() {
  const Edge* top_edge = Top()->edge_;
  Node* from = top_edge->from;
  if (from->is_project_root || from->is_workspace) return true;
  if (!top_edge->peer()) return false;
  // Re-entry: a peer group is the project's when the project depends on its source
  // directly, or brings in one of the peer groups the source belongs to.
  bool has_peer_edges = false;
  for (Edge* in : from->EdgesIn()) {
    if (in->peer()) {
      has_peer_edges = true;
    } else if (in->from->is_project_root || in->from->is_workspace) {
      return true;
    }
  }
  if (!has_peer_edges) return false;
  for (const auto& [entry_edge, peers] : PeerEntrySets(from)) {
    if (entry_edge->from->is_project_root || entry_edge->from->is_workspace) return true;
  }
  return false;
}

void PlaceDep::Run() {
  Node* to = edge_->To();
  current_ = to;
  // Nothing to do when the edge is fine as it is, unless the user asked for this name.
  bool update_name = options_.update_names && options_.update_names->count(name_);
  if (to && edge_->Valid() && !explicit_request_ && !update_name) return;

  Node* start = StartNode();
  CanPlace*& self_ok = can_place_self_;
  for (Node* target : start->Ancestry()) {
    const Edge* target_edge = target->EdgeOut(name_);
    if (!target->IsTop() && target_edge && target_edge->peer()) continue;
    checks_.push_back(std::make_unique<CanPlace>(dep_, target, edge_, parent_ ? parent_->can_place_ : nullptr,
                                                 std::vector<Node*>{}, options_.prefer_dedupe, explicit_request_));
    CanPlace* cpd = checks_.back().get();
    if (cpd->can_place_self() != Placement::kConflict) self_ok = cpd;
    if (cpd->can_place() == Placement::kConflict) break;
    can_place_ = cpd;
    if (!dep_->error.empty()) break;
  }
  if (!can_place_) {
    if (!options_.force && (IsMine() || options_.strict_peer_deps)) {
      error_ = ExplainPeerConflict("could not resolve", DescribeConflict(Top()->edge_, Top()->dep_));
      return;
    }
    if (!self_ok) {
      WarnPeerConflict(edge_, dep_);
      return;
    }
    can_place_ = self_ok;
  }
  Node* target = can_place_->target();
  placement_ = can_place_->can_place() == Placement::kConflict ? can_place_->can_place_self() : can_place_->can_place();
  if (placement_ == Placement::kKeep) {
    if (edge_->peer() && !edge_->Valid()) {
      WarnPeerConflict(edge_, dep_);
    }
    PruneDedupable(target, true);
    return;
  }
  // A package nested inside itself would recurse forever: link to the ancestor.
  for (Node* p = target; p; p = p->ResolveParent()) {
    if (p->Matches(dep_) && !p->IsTop()) {
      placed_ = dep_->tree->NewNode();
      placed_->name = name_;
      placed_->is_link = true;
      placed_->link_target = p;
      placed_->realpath = p->Location();
      placed_->manifest = p->manifest;
      dep_->tree->SetParent(placed_, target);
      return;
    }
  }
  Node* virtual_root = dep_->parent;
  placed_ = CopyForPlacement(dep_);
  auto it = target->children.find(name_);
  if (it != target->children.end()) {
    ReplaceOldDep(it->second);
    dep_->tree->SetParent(placed_, target);
  } else {
    dep_->tree->SetParent(placed_, target);
  }
  if (edge_->peer() && !edge_->SatisfiedBy(placed_)) {
    WarnPeerConflict(edge_, dep_);
  }
  Node* edge_to = edge_->To();
  if (edge_->Valid() && edge_to && edge_to != placed_) PruneDedupable(edge_to, false);
  // Only nodes below the target can qualify (pruning detaches; it never moves a node in).
  for (Node* node : dep_->tree->NodesNamed(name_)) {
    if (node->IsDescendantOf(target) && !node->IsTop() && node->parent) {
      std::vector<Node*> kids;
      for (auto& [n, kid] : node->children) kids.push_back(kid);
      PruneDedupable(node, false);
      if (node->Root() == target->Root()) {
        for (Node* kid : kids) PruneDedupable(kid, false);
      }
    }
  }
  if (!virtual_root) return;
  for (Edge& peer_edge : placed_->edges) {
    if (!peer_edge.peer() || peer_edge.peer_conflicted || peer_edge.Valid()) continue;
    auto peer = virtual_root->children.find(peer_edge.name);
    if (peer == virtual_root->children.end() || !peer_edge.SatisfiedBy(peer->second)) continue;
    children_.push_back(std::make_unique<PlaceDep>(peer->second, &peer_edge, this, options_, warnings_, explicit_request_));
    if (!children_.back()->error_.empty()) {
      error_ = children_.back()->error_;
      return;
    }
  }
}

void PlaceDep::ReplaceOldDep(Node* old_dep) {
  std::vector<Node*> old_deps;
  for (Edge& e : old_dep->edges) {
    Node* to = e.To();
    if (!placed_->EdgeOut(e.name) && to) {
      for (Node* n : GatherDepSet({to}, [to](const Edge& x) { return x.To() != to; })) old_deps.push_back(n);
    }
  }
  Node* target = old_dep->parent;
  // Peer groups beside the old node whose peer edge on it the new node does not meet:
  // taken out to be placed again deeper when their entry can go deeper, else warned
  // about (arborist's prunePeerSets; without it two groups can take turns replacing
  // each other for ever).
  std::vector<Node*> prune_peer_sets;
  for (Edge* in : old_dep->EdgesIn()) {
    if (in->SatisfiedBy(placed_) || !in->peer() || in->from->parent != target || in->peer_conflicted) continue;
    for (const auto& [entry_edge, peers] : PeerEntrySets(in->from)) {
      Node* entry_node = entry_edge->To();
      if (DeepestNestingTarget(entry_node, "") != target && !entry_edge->from->is_project_root &&
          !entry_edge->from->is_workspace) {
        for (Node* n : GatherDepSet({entry_node}, [entry_node](const Edge& e) {
               return e.To() != entry_node && !e.peer_conflicted;
             })) {
          prune_peer_sets.push_back(n);
        }
      } else {
        WarnPeerConflict(in, dep_);
      }
    }
  }
  dep_->tree->SetParent(old_dep, nullptr);
  dep_->tree->SetParent(placed_, target);
  // The new node keeps the old one's node_modules, as arborist's Node#replace does.
  if (!placed_->is_link) {
    std::vector<Node*> kids;
    for (auto& [name, kid] : old_dep->children) kids.push_back(kid);
    for (Node* kid : kids) dep_->tree->SetParent(kid, placed_);
  }
  // Drop what only the old node needed and what the new node cannot use.
  std::vector<Node*> invalid;
  for (Edge& e : placed_->edges) {
    Node* to = e.To();
    if (to && !e.Valid()) invalid.push_back(to);
  }
  for (Node* dep : old_deps) {
    for (Node* n : GatherDepSet({dep}, [dep](const Edge& x) { return x.To() != dep && x.Valid(); })) {
      invalid.push_back(n);
    }
  }
  Node* placed = placed_;
  for (Node* n : GatherDepSet(invalid, [placed](const Edge& x) {
         return x.from != placed && x.To() != placed && x.Valid();
       })) {
    if (n != placed_ && !n->is_project_root) dep_->tree->SetParent(n, nullptr);
  }
  for (Node* n : prune_peer_sets) {
    for (Edge* in : n->EdgesIn()) need_evaluation_.insert(in->from);
    dep_->tree->SetParent(n, nullptr);
  }
}

void PlaceDep::PruneDedupable(Node* node, bool descend) {
  if (!node->parent) return;
  if (CanDedupe(node, options_.prefer_dedupe, explicit_request_)) {
    for (Node* n : GatherDepSet({node}, [node](const Edge& e) { return e.To() != node && e.Valid(); })) {
      if (!n->is_project_root) dep_->tree->SetParent(n, nullptr);
    }
    return;
  }
  if (!descend) return;
  std::vector<Node*> kids;
  for (auto& [n, kid] : node->children) kids.push_back(kid);
  std::sort(kids.begin(), kids.end(), [](Node* a, Node* b) {
    return lockfile::LocaleCompare(a->Location(), b->Location()) < 0;
  });
  for (Node* kid : kids) PruneDedupable(kid, true);
}

PeerConflict PlaceDep::DescribeConflict(Edge* edge, Node* dep) {
  PeerConflict conflict;
  conflict.edge = edge;
  conflict.dep = dep;
  conflict.strict_peer_deps = options_.strict_peer_deps;
  conflict.current = edge->from->Resolve(edge->name);
  if (parent_) {
    // A conflicted peer: npm explains what it found for the edge, and as its "peer
    // conflict" a node where its report expects a pair, on which npm 11's printer crashes
    // (only the heading is printed). skua prints the rest of the report.
    conflict.current_for = edge;
  } else if (can_place_self_) {
    for (const CanPlace* peer : can_place_self_->ConflictChildren()) {
      if (!peer->current()) continue;
      conflict.peer_current = peer->current();
      conflict.peer = peer->dep();
      conflict.peer_for = peer->edge();
      break;
    }
  } else {
    conflict.peer_current = current_;
    conflict.peer = dep_;
    conflict.peer_for = edge_;
  }
  return conflict;
}

void PlaceDep::WarnPeerConflict(Edge* edge, Node* dep) {
  edge->peer_conflicted = true;
  warnings_->push_back(tree::WarnPeerConflict(DescribeConflict(edge, dep)));
}

void PlaceDep::Collect(std::vector<Placed>* out) const {
  if (placed_) out->push_back(Placed{placed_, edge_, can_place_ ? can_place_->can_place_self() : placement_});
  for (const auto& child : children_) child->Collect(out);
}

}  // namespace skua::pm::tree
