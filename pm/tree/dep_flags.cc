// Dep flags, after arborist's calc-dep-flags.js and optional-set.js.
#include "pm/tree/dep_flags.h"

#include <algorithm>
#include <string>
#include <vector>

namespace skua::pm::tree {
namespace {

DepFlags FlagsOf(const Node& n) { return {n.dev, n.optional, n.dev_optional, n.peer, n.extraneous}; }

void SetFlags(Node* n, const DepFlags& f) {
  n->dev = f.dev;
  n->optional = f.optional;
  n->dev_optional = f.dev_optional;
  n->peer = f.peer;
  n->extraneous = f.extraneous;
}

}  // namespace

bool CarryDepFlags(const DepFlags& from, bool dev, bool optional, bool peer, DepFlags* to) {
  DepFlags before = *to;
  if (!from.extraneous && !(peer && optional)) to->extraneous = false;
  if (!from.dev && !dev) to->dev = false;
  if (!from.optional && !optional) to->optional = false;
  if (!from.dev_optional && !from.dev && !from.optional && !dev && !optional) to->dev_optional = false;
  if (!from.peer && !peer) to->peer = false;
  return to->dev != before.dev || to->optional != before.optional ||
         to->dev_optional != before.dev_optional || to->peer != before.peer ||
         to->extraneous != before.extraneous;
}

void CalcDepFlags(Tree& tree) {
  Node* root = tree.root();
  for (Node* n : tree.NodesUnder(root)) {
    n->dev = n->optional = n->dev_optional = n->peer = n->extraneous = true;
  }
  root->dev = root->optional = root->dev_optional = root->peer = root->extraneous = false;
  std::set<Node*> seen;
  std::vector<Node*> stack = {root};
  while (!stack.empty()) {
    Node* node = stack.back();
    stack.pop_back();
    seen.insert(node);
    if (!node->extraneous) {
      for (Node* n = node->ResolveParent(); n && n->extraneous; n = n->ResolveParent()) n->extraneous = false;
    }
    if (node->is_link) {
      Node* t = node->link_target;
      if (!t) continue;
      bool changed = false;
      if (t->dev && !node->dev) t->dev = false, changed = true;
      if (t->optional && !node->optional) t->optional = false, changed = true;
      if (t->dev_optional && !node->dev_optional) t->dev_optional = false, changed = true;
      if (t->peer && !node->peer) t->peer = false, changed = true;
      if (t->extraneous && !node->extraneous) t->extraneous = false, changed = true;
      if (changed || !seen.count(t)) stack.push_back(t);
      continue;
    }
    // A bundling package's edges to what it bundles lead into its own tarball (the
    // lockfile's inBundle entries), not to the tree's packages: npm's flags are computed
    // with the bundles loaded.
    const std::vector<std::string>& bundled = node->package().bundle_dependencies;
    for (const Edge& e : node->edges) {
      if (!node->is_project_root && std::find(bundled.begin(), bundled.end(), e.name) != bundled.end()) {
        continue;
      }
      Node* to = e.To();
      if (!to) continue;
      DepFlags flags = FlagsOf(*to);
      if (CarryDepFlags(FlagsOf(*node), e.dev(), e.optional(), e.peer(), &flags)) {
        SetFlags(to, flags);
        stack.push_back(to);
      }
    }
  }
  seen.erase(root);
  for (Node* n : seen) {
    if (n->dev_optional && (n->dev || n->optional)) n->dev_optional = false;
  }
}

std::set<Node*> OptionalSet(Node* node) {
  std::vector<Node*> order = {node};
  std::set<Node*> set = {node};
  for (size_t i = 0; i < order.size(); ++i) {
    for (Edge* in : order[i]->EdgesIn()) {
      if (!in->optional() && set.insert(in->from).second) order.push_back(in->from);
    }
  }
  return GatherDepSet(order, [&set](const Edge& e) { return !set.count(e.To()) && !e.from->inert; });
}

}  // namespace skua::pm::tree
