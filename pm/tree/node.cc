// Node and Edge queries, after npm's arborist Node/Edge/dep-valid.
#include "pm/tree/node.h"

#include <algorithm>
#include <cstring>

#include "pm/git/git.h"
#include "pm/lockfile/collate.h"
#include "pm/semver/range.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::tree {

namespace {

// npm's dep-valid for one (child, spec) pair.
bool DepValid(const Node* child, const spec::DepSpec& spec) {
  switch (spec.type) {
    case spec::SpecType::kRange:
      if (spec.fetch_spec == "*") return true;
      [[fallthrough]];
    case spec::SpecType::kVersion:
      return !child->version().empty() && child->tree->SatisfiesLoose(child->version(), spec.fetch_spec);
    case spec::SpecType::kAlias:
      return spec.alias && child->package_name() == spec.alias->name && DepValid(child, *spec.alias);
    case spec::SpecType::kTag:
      return !child->resolved.empty() && child->resolved.find("://") != std::string::npos;
    case spec::SpecType::kDirectory:
    case spec::SpecType::kLink:
      return child->is_link;
    case spec::SpecType::kFile:
    case spec::SpecType::kRemote:
      return child->resolved == spec.fetch_spec;
    case spec::SpecType::kGit: {
      // The same repository; a semver range must hold the version, a full sha the commit.
      Result<git::GitRepo> repo = git::RepoForSpec(spec);
      std::string_view resolved = child->resolved;
      if (!repo.ok() || resolved.substr(0, resolved.find('#')) != repo->resolved_base) return false;
      if (!spec.git_range.empty()) return child->tree->SatisfiesLoose(child->version(), spec.git_range);
      if (git::IsFullSha(spec.git_committish)) return resolved.find(spec.git_committish) != std::string_view::npos;
      return true;
    }
    case spec::SpecType::kWorkspace:
      return false;
  }
  return false;
}

}  // namespace

Node* Edge::To() const {
  uint64_t shape = from->tree->shape();  // Never 0: a fresh edge's to_shape never matches.
  if (to_from == from && to_shape == shape) return to_cached;
  to_cached = from->Resolve(name);
  to_from = from;
  to_shape = shape;
  return to_cached;
}

bool Edge::SatisfiedBy(const Node* node) const {
  if (!node || node->name != name) return false;
  const Result<spec::DepSpec>& parsed = node->tree->ResolveSpec(name, spec.empty() ? "*" : spec);
  if (node->is_link && node->link_target) {
    return parsed.ok() && (parsed->type == spec::SpecType::kDirectory || parsed->type == spec::SpecType::kLink ||
                           DepValid(node->link_target, *parsed));
  }
  return parsed.ok() && DepValid(node, *parsed);
}

bool Edge::Valid() const {
  Node* to = To();
  if (!to) return optional();
  if (peer() && to->parent == from && !from->IsTop()) return false;  // PEER LOCAL
  return SatisfiedBy(to);
}

const std::shared_ptr<const registry::Manifest>& Node::EmptyManifest() {
  static const auto* empty = new std::shared_ptr<const registry::Manifest>(std::make_shared<registry::Manifest>());
  return *empty;
}

registry::Manifest& Node::mutable_package() {
  if (manifest.use_count() != 1) manifest = std::make_shared<registry::Manifest>(*manifest);
  // Made above (or by whoever set it alone) as a non-const Manifest.
  return const_cast<registry::Manifest&>(*manifest);
}

Node* Node::Root() {
  Node* n = this;
  while (n->ResolveParent()) n = n->ResolveParent();
  return n;
}

int Node::Depth() const { return parent ? parent->Depth() + 1 : 0; }

std::string Node::Location() const {
  // The top's realpath ("" for the root), then "/node_modules/<name>" for each node down
  // to this one (without the first "/" after an empty realpath). Written back to front
  // into a string sized once: the builder asks for thousands of locations.
  constexpr std::string_view kSegment = "node_modules/";
  const Node* top = this;
  size_t size = 0;
  for (; top->parent; top = top->parent) size += 1 + kSegment.size() + top->name.size();
  const std::string& base = top->realpath;
  if (top == this) return base;
  size += base.size();
  if (base.empty()) --size;
  std::string out(size, '\0');
  size_t end = size;
  for (const Node* n = this; n->parent; n = n->parent) {
    end -= n->name.size();
    std::memcpy(out.data() + end, n->name.data(), n->name.size());
    end -= kSegment.size();
    std::memcpy(out.data() + end, kSegment.data(), kSegment.size());
    if (end > 0) out[--end] = '/';
  }
  std::memcpy(out.data(), base.data(), base.size());
  return out;
}

const Edge* Node::EdgeOut(std::string_view n) const {
  for (const Edge& e : edges) {
    if (e.name == n) return &e;
  }
  return nullptr;
}

Edge* Node::EdgeOut(std::string_view n) {
  for (Edge& e : edges) {
    if (e.name == n) return &e;
  }
  return nullptr;
}

Node* Node::Resolve(std::string_view n) {
  for (Node* at = this; at; at = at->ResolveParent()) {
    auto it = at->children.find(n);
    if (it != at->children.end()) return it->second;
  }
  return nullptr;
}

bool Node::IsDescendantOf(const Node* other) const {
  for (const Node* n = this; n; n = n->ResolveParent()) {
    if (n == other) return true;
  }
  return false;
}

std::vector<Node*> Node::Ancestry() {
  std::vector<Node*> out;
  for (Node* n = this; n; n = n->ResolveParent()) out.push_back(n);
  return out;
}

bool Node::Matches(const Node* other) const {
  if (other == this) return true;
  if (other->name != name) return false;
  if (is_link) return other->is_link && link_target && other->link_target && link_target->Matches(other->link_target);
  if (!integrity.empty() && !other->integrity.empty()) return integrity == other->integrity;
  if (!resolved.empty() && !other->resolved.empty()) return resolved == other->resolved;
  return !package_name().empty() && package_name() == other->package_name() && !version().empty() &&
         version() == other->version();
}

bool Node::CanReplace(Node* current, const std::set<std::string>& ignore_peers) {
  if (name != current->name || package_name() != current->package_name()) return false;
  if (!current->edges.empty() && overrides != current->overrides) return false;
  std::set<Node*> dep_set =
      GatherDepSet({current}, [current](const Edge& e) { return e.To() != current && e.Valid(); });
  for (Edge* edge : current->EdgesIn()) {
    if (!current->IsTop() && edge->from->parent == current->parent && edge->peer() &&
        ignore_peers.count(edge->from->name)) {
      continue;
    }
    if (!dep_set.count(edge->from) && !edge->SatisfiedBy(this)) return false;
  }
  return true;
}

std::vector<Edge*> Node::EdgesIn() const {
  std::vector<Edge*> in;
  // Resolve() finds a node only in its parent's children: a node outside any
  // node_modules has no incoming edges.
  if (!parent) return in;
  for (Node* n : tree->NodesWithEdge(name)) {
    if (!n->IsDescendantOf(parent)) continue;  // Cheap: To() could not reach this.
    Edge* e = n->EdgeOut(name);
    if (e && e->To() == this) in.push_back(e);
  }
  // Creation order, as a scan of the tree's nodes finds them.
  std::sort(in.begin(), in.end(), [](const Edge* a, const Edge* b) { return a->from->id < b->from->id; });
  in.erase(std::unique(in.begin(), in.end()), in.end());
  return in;
}

Tree::Tree() {
  root_ = NewNode();
  root_->is_project_root = true;
}

Node* Tree::NewNode() {
  nodes_.push_back(std::make_unique<Node>());
  nodes_.back()->tree = this;
  nodes_.back()->id = nodes_.size() - 1;
  return nodes_.back().get();
}

void Tree::IndexEdges(Node* node) {
  for (size_t i = node->indexed_edges; i < node->edges.size(); ++i) {
    auto it = by_edge_name_.find(node->edges[i].name);
    if (it == by_edge_name_.end()) it = by_edge_name_.emplace(node->edges[i].name, std::vector<Node*>{}).first;
    it->second.push_back(node);
  }
  node->indexed_edges = node->edges.size();
}

std::string_view Tree::Intern(std::string_view s) {
  auto it = strings_.find(s);
  if (it == strings_.end()) it = strings_.emplace(s).first;
  return *it;
}

const std::vector<Node*>& Tree::NodesWithEdge(const std::string& name) {
  for (; indexed_upto_ < nodes_.size(); ++indexed_upto_) IndexEdges(nodes_[indexed_upto_].get());
  static const std::vector<Node*> kNone;
  auto it = by_edge_name_.find(name);
  return it == by_edge_name_.end() ? kNone : it->second;
}

void Tree::SetFsParent(Node* node, Node* fs_parent) {
  ++shape_;
  node->fs_parent = fs_parent;
  if (std::find(fs_children_.begin(), fs_children_.end(), node) == fs_children_.end()) {
    fs_children_.push_back(node);
  }
}

void Tree::PushFsChildren(Node* n, std::vector<Node*>* out) const {
  for (Node* c : fs_children_) {
    if (!c->parent && c->fs_parent == n) out->push_back(c);
  }
}

std::vector<Node*> Tree::NodesNamed(std::string_view name) {
  for (; named_upto_ < nodes_.size(); ++named_upto_) {
    Node* n = nodes_[named_upto_].get();
    auto it = by_name_.find(n->name);
    if (it == by_name_.end()) it = by_name_.emplace(n->name, std::vector<Node*>{}).first;
    it->second.push_back(n);
  }
  auto it = by_name_.find(name);
  // A copy: the caller may create nodes while it goes through them.
  return it == by_name_.end() ? std::vector<Node*>{} : it->second;
}

std::vector<Node*> Tree::Subtree(Node* top) {
  std::vector<Node*> out;
  std::vector<Node*> stack = {top};
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    out.push_back(n);
    for (const auto& [k, kid] : n->children) stack.push_back(kid);
    PushFsChildren(n, &stack);
  }
  std::sort(out.begin(), out.end(), [](const Node* a, const Node* b) { return a->id < b->id; });
  return out;
}

const Result<spec::DepSpec>& Tree::ResolveSpec(std::string_view name, std::string_view spec) {
  spec_key_.assign(name).push_back('\0');
  spec_key_.append(spec);
  auto it = specs_.find(spec_key_);
  if (it == specs_.end()) {
    it = specs_.emplace(spec_key_,
                        std::make_unique<Result<spec::DepSpec>>(spec::ResolveSpec(name, spec))).first;
  }
  return *it->second;
}

bool Tree::SatisfiesLoose(std::string_view version, std::string_view range) {
  // As semver::Satisfies: an invalid range or version never matches.
  auto r = ranges_.find(range);
  if (r == ranges_.end()) {
    Result<semver::Range> parsed = semver::Range::Parse(range, semver::RangeOptions{.loose = true});
    r = ranges_.emplace(std::string(range), parsed.ok() ? std::optional<semver::Range>(std::move(parsed).value())
                                                        : std::nullopt).first;
  }
  if (!r->second || version.empty()) return false;
  auto v = versions_.find(version);
  if (v == versions_.end()) {
    Result<semver::Version> parsed = semver::ParseVersion(version, true);
    v = versions_.emplace(std::string(version), parsed.ok() ? std::optional<semver::Version>(std::move(parsed).value())
                                                            : std::nullopt).first;
  }
  return v->second && r->second->Test(*v->second);
}

void Tree::SetParent(Node* node, Node* parent) {
  if (node->parent) {
    auto it = node->parent->children.find(node->name);
    if (it != node->parent->children.end() && it->second == node) {
      if (parent == node->parent) return;  // Already there.
      node->parent->children.erase(it);
    }
    ++shape_;
    ++relocations_;
  }
  node->parent = parent;
  if (!parent) return;
  ++shape_;
  auto [it, inserted] = parent->children.emplace(node->name, node);
  if (!inserted) {
    it->second->parent = nullptr;
    it->second = node;
    ++relocations_;
  }
}

std::vector<Node*> Tree::NodesUnder(const Node* top) {
  // A top has neither parent nor fs_parent, so the nodes whose Root() it is are exactly
  // those whose resolve chain passes through it.
  if (top->ResolveParent()) {
    std::vector<Node*> out;
    for (const auto& n : nodes_) {
      if (n->Root() == top) out.push_back(n.get());
    }
    return out;
  }
  return Subtree(const_cast<Node*>(top));
}

std::vector<Node*> Tree::Inventory() {
  std::vector<Node*> nodes = NodesUnder(root_);
  std::vector<std::pair<std::string, Node*>> keyed;
  keyed.reserve(nodes.size());
  for (Node* n : nodes) keyed.emplace_back(n->Location(), n);
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return lockfile::LocaleCompare(a.first, b.first) < 0;
  });
  std::vector<Node*> out;
  out.reserve(keyed.size());
  for (auto& [location, n] : keyed) out.push_back(n);
  return out;
}

std::set<Node*> GatherDepSet(const std::vector<Node*>& start, const std::function<bool(const Edge&)>& filter) {
  std::vector<Node*> order(start.begin(), start.end());
  std::set<Node*> deps(start.begin(), start.end());
  for (size_t i = 0; i < order.size(); ++i) {
    for (const Edge& e : order[i]->edges) {
      Node* to = e.To();
      if (to && filter(e) && deps.insert(to).second) order.push_back(to);
    }
  }
  // Drop every node something outside the set needs; a dropped node's own dependencies
  // are then looked at again. Each node's incoming edges are found once: the tree does
  // not change here, and finding them walks every node with an edge of that name (passes
  // over the whole set until nothing changed took minutes on a 2,400-package tree).
  std::map<Node*, std::vector<Edge*>> edges_in;
  for (Node* dep : deps) edges_in[dep] = dep->EdgesIn();
  std::vector<Node*> work(deps.begin(), deps.end());
  while (!work.empty()) {
    Node* dep = work.back();
    work.pop_back();
    if (!deps.count(dep)) continue;
    for (Edge* in : edges_in[dep]) {
      if (deps.count(in->from) || !filter(*in)) continue;
      deps.erase(dep);
      for (const Edge& out : dep->edges) {
        Node* to = out.To();
        if (to && deps.count(to)) work.push_back(to);
      }
      break;
    }
  }
  return deps;
}

void AddEdges(Node* node, bool with_dev, bool legacy_peer_deps) {
  auto add = [node](EdgeType type, const registry::StringMap& map) {
    for (const auto& [name, spec] : map) {
      std::string_view kept = node->tree->Intern(spec);
      Edge edge{node, type, node->tree->Intern(name), kept, kept};
      if (Edge* existing = node->EdgeOut(name)) {
        *existing = edge;
      } else {
        node->edges.push_back(edge);
      }
    }
  };
  const registry::Manifest& p = node->package();
  if (!legacy_peer_deps) {
    for (const auto& [name, spec] : p.peer_dependencies) {
      add(p.IsOptionalPeer(name) ? EdgeType::kPeerOptional : EdgeType::kPeer, {{name, spec}});
    }
  }
  add(EdgeType::kProd, p.dependencies);
  add(EdgeType::kOptional, p.optional_dependencies);
  if (with_dev) add(EdgeType::kDev, p.dev_dependencies);
  node->tree->IndexEdges(node);
}

}  // namespace skua::pm::tree
