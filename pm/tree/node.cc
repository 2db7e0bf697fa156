// Node and Edge queries, after npm's arborist Node/Edge/dep-valid.
#include "pm/tree/node.h"

#include <algorithm>

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
      return !child->version().empty() &&
             semver::Satisfies(child->version(), spec.fetch_spec, semver::RangeOptions{.loose = true});
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
    case spec::SpecType::kGit:
    case spec::SpecType::kWorkspace:
      return false;
  }
  return false;
}

}  // namespace

Node* Edge::To() const { return from->Resolve(name); }

bool Edge::SatisfiedBy(const Node* node) const {
  if (!node || node->name != name) return false;
  if (node->is_link && node->link_target) {
    Result<spec::DepSpec> parsed = spec::ResolveSpec(name, spec.empty() ? "*" : spec);
    return parsed.ok() && (parsed->type == spec::SpecType::kDirectory || parsed->type == spec::SpecType::kLink ||
                           DepValid(node->link_target, *parsed));
  }
  Result<spec::DepSpec> parsed = spec::ResolveSpec(name, spec.empty() ? "*" : spec);
  return parsed.ok() && DepValid(node, *parsed);
}

bool Edge::Valid() const {
  Node* to = To();
  if (!to) return optional();
  if (peer() && to->parent == from && !from->IsTop()) return false;  // PEER LOCAL
  return SatisfiedBy(to);
}

Node* Node::Root() {
  Node* n = this;
  while (n->ResolveParent()) n = n->ResolveParent();
  return n;
}

int Node::Depth() const { return parent ? parent->Depth() + 1 : 0; }

std::string Node::Location() const {
  if (!parent) return realpath;
  std::string above = parent->Location();
  return (above.empty() ? "" : above + "/") + "node_modules/" + name;
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
    auto it = at->children.find(std::string(n));
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

std::vector<Edge*> Node::EdgesIn() {
  std::vector<Edge*> in;
  Node* top = Root();
  for (Node* n : tree->NodesUnder(top)) {
    Edge* e = n->EdgeOut(name);
    if (e && e->To() == this) in.push_back(e);
  }
  return in;
}

Tree::Tree() {
  root_ = NewNode();
  root_->is_project_root = true;
}

Node* Tree::NewNode() {
  nodes_.push_back(std::make_unique<Node>());
  nodes_.back()->tree = this;
  return nodes_.back().get();
}

void Tree::SetParent(Node* node, Node* parent) {
  if (node->parent) {
    auto it = node->parent->children.find(node->name);
    if (it != node->parent->children.end() && it->second == node) node->parent->children.erase(it);
  }
  node->parent = parent;
  if (!parent) return;
  auto [it, inserted] = parent->children.emplace(node->name, node);
  if (!inserted) {
    it->second->parent = nullptr;
    it->second = node;
  }
}

std::vector<Node*> Tree::NodesUnder(const Node* top) {
  std::vector<Node*> out;
  for (const auto& n : nodes_) {
    if (n->Root() == top) out.push_back(n.get());
  }
  return out;
}

std::vector<Node*> Tree::Inventory() {
  std::vector<Node*> out = NodesUnder(root_);
  std::sort(out.begin(), out.end(), [](const Node* a, const Node* b) {
    return lockfile::LocaleCompare(a->Location(), b->Location()) < 0;
  });
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
  bool changed = true;
  while (changed && !deps.empty()) {
    changed = false;
    for (Node* dep : std::vector<Node*>(deps.begin(), deps.end())) {
      for (Edge* in : dep->EdgesIn()) {
        if (!deps.count(in->from) && filter(*in)) {
          deps.erase(dep);
          changed = true;
          break;
        }
      }
    }
  }
  return deps;
}

void AddEdges(Node* node, bool with_dev, bool legacy_peer_deps) {
  auto add = [node](EdgeType type, const registry::StringMap& map) {
    for (const auto& [name, spec] : map) {
      Edge edge{node, type, name, spec, spec};
      if (Edge* existing = node->EdgeOut(name)) {
        *existing = edge;
      } else {
        node->edges.push_back(edge);
      }
    }
  };
  const registry::Manifest& p = node->package;
  if (!legacy_peer_deps) {
    for (const auto& [name, spec] : p.peer_dependencies) {
      add(p.IsOptionalPeer(name) ? EdgeType::kPeerOptional : EdgeType::kPeer, {{name, spec}});
    }
  }
  add(EdgeType::kProd, p.dependencies);
  add(EdgeType::kOptional, p.optional_dependencies);
  if (with_dev) add(EdgeType::kDev, p.dev_dependencies);
}

}  // namespace skua::pm::tree
