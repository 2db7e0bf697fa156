// npm's ERESOLVE report; see explain_eresolve.h.
#include "pm/tree/explain_eresolve.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <vector>

#include "pm/lockfile/collate.h"

namespace skua::pm::tree {

namespace {

struct EdgeExplanation;

// arborist's Node#explain object.
struct NodeExplanation {
  bool project_root = false;  // The project itself: printed as "the root project".
  std::string name, version;
  bool while_installing = false;  // Inside a virtual root: the package being resolved.
  std::string installing_name, installing_version;
  bool has_location = false;  // Cut short (a node already on the path) has none.
  std::string location;
  std::vector<const EdgeExplanation*> dependents;
  std::vector<const NodeExplanation*> links_in;  // Links whose target this is.
};

// arborist's Edge#explain object.
struct EdgeExplanation {
  std::string type, name, spec, raw_spec;
  bool overridden = false, bundled = false;
  const NodeExplanation* from = nullptr;
};

// The location arborist gives: relative to the node's root, which for the members of a
// virtual root (a peer set being loaded) is that virtual root.
std::string LocationInRoot(const Node* node) {
  if (!const_cast<Node*>(node)->Root()->source_reference) return node->Location();
  std::string location;
  for (const Node* n = node; n->parent; n = n->parent) {
    location = "node_modules/" + n->name + (location.empty() ? "" : "/" + location);
  }
  return location;
}

// The edges into `node` in about the order arborist's edgesIn holds them: an edge joins
// when its dependent is placed (or, placed before, when `node` is), and npm places by
// depth, then location.
std::vector<Edge*> DependentsInPlacementOrder(const Node* node) {
  std::vector<Edge*> in = node->EdgesIn();
  std::stable_sort(in.begin(), in.end(), [](const Edge* a, const Edge* b) {
    int da = a->from->Depth(), db = b->from->Depth();
    if (da != db) return da < db;
    return lockfile::LocaleCompare(LocationInRoot(a->from), LocationInRoot(b->from)) < 0;
  });
  return in;
}

// The links in the tree whose target is `node` (arborist's linksIn).
std::vector<const Node*> LinksIn(const Node* node) {
  std::vector<const Node*> links;
  for (Node* n : node->tree->Inventory()) {
    if (n->is_link && n->link_target == node) links.push_back(n);
  }
  return links;
}

// An edge from the project root to one of its workspaces (arborist's type "workspace").
bool IsWorkspaceEdge(const Edge* edge) {
  const Node* to = edge->To();
  return edge->from->is_project_root && to && to->is_link && to->link_target && to->link_target->is_workspace;
}

const char* TypeName(EdgeType type) {
  switch (type) {
    case EdgeType::kProd: return "prod";
    case EdgeType::kDev: return "dev";
    case EdgeType::kOptional: return "optional";
    case EdgeType::kPeer: return "peer";
    case EdgeType::kPeerOptional: return "peerOptional";
  }
  return "prod";
}

// Builds the explanation objects; each node and edge is explained once (arborist keeps
// the first explanation, whatever edge or path asked later).
class Explainer {
 public:
  const NodeExplanation* Explain(const Node* node, const Edge* edge, std::vector<const Node*> seen) {
    if (auto it = nodes_.find(node); it != nodes_.end()) return it->second;
    const NodeExplanation* made = Make(node, edge, std::move(seen));
    nodes_[node] = made;
    return made;
  }

  const EdgeExplanation* Explain(const Edge* edge, const std::vector<const Node*>& seen) {
    if (auto it = edges_.find(edge); it != edges_.end()) return it->second;
    EdgeExplanation& e = edge_store_.emplace_back();
    e.type = IsWorkspaceEdge(edge) ? "workspace" : TypeName(edge->type);
    e.name = edge->name;
    e.spec = edge->spec;
    if (edge->raw_spec != edge->spec) {
      e.raw_spec = edge->raw_spec;
      e.overridden = true;
    }
    const std::vector<std::string>& bundled = edge->from->package().bundle_dependencies;
    e.bundled = std::find(bundled.begin(), bundled.end(), edge->name) != bundled.end();
    e.from = Explain(edge->from, nullptr, seen);
    edges_[edge] = &e;
    return &e;
  }

 private:
  const NodeExplanation* Make(const Node* node, const Edge* edge, std::vector<const Node*> seen) {
    NodeExplanation& why = node_store_.emplace_back();
    if (node->is_project_root && !node->source_reference) {
      why.project_root = true;
      return &why;
    }
    why.name = node->is_project_root || node->IsTop() ? node->package_name() : node->name;
    why.version = node->version();
    const Node* root = const_cast<Node*>(node)->Root();
    if (root->source_reference) {
      why.while_installing = true;
      why.installing_name = root->package_name();
      why.installing_version = root->version();
    }
    if (node->source_reference) return Explain(node->source_reference, edge, seen);
    if (std::find(seen.begin(), seen.end(), node) != seen.end()) return &why;
    why.has_location = true;
    why.location = LocationInRoot(node);
    seen.push_back(node);
    if (edge) {
      why.dependents.push_back(Explain(edge, seen));
    } else {
      // Invalid edges do not hold the node where it is.
      for (const Edge* in : DependentsInPlacementOrder(node)) {
        if (in->Valid() || in->from->is_project_root) why.dependents.push_back(Explain(in, seen));
      }
    }
    // arborist explains each link afresh (not its remembered explanation).
    for (const Node* link : LinksIn(node)) why.links_in.push_back(Make(link, edge, seen));
    return &why;
  }

  std::deque<NodeExplanation> node_store_;  // Stable addresses.
  std::deque<EdgeExplanation> edge_store_;
  std::map<const Node*, const NodeExplanation*> nodes_;
  std::map<const Edge*, const EdgeExplanation*> edges_;
};

// npm's explain-dep, without colour.
std::string PrintNode(const NodeExplanation& node) {
  return node.name + "@" + node.version + (node.has_location ? "\n" + node.location : "");
}

std::string Indent(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

std::string ExplainEdge(const EdgeExplanation& edge, int depth, std::set<std::string>* seen);

std::string ExplainDependents(const NodeExplanation& node, int depth, std::set<std::string>* seen) {
  if (node.dependents.empty() || depth <= 0) return "";
  const size_t max = static_cast<size_t>((depth + 1) / 2);
  std::vector<std::string> messages;
  for (size_t i = 0; i < node.dependents.size() && i < max; ++i) {
    messages.push_back(ExplainEdge(*node.dependents[i], depth, seen));
  }
  if (node.dependents.size() > max) {
    // The names of the first few that did not fit.
    size_t length = 0;
    std::string names;
    for (size_t i = max; i < node.dependents.size(); ++i) {
      const NodeExplanation& from = *node.dependents[i]->from;
      std::string name = from.project_root ? "the root project" : from.name;
      length += name.size();
      if (length >= 50 && i < node.dependents.size() - 1) {
        names += names.empty() ? "..." : ", ...";
        break;
      }
      names += (names.empty() ? "" : ", ") + name;
    }
    messages.push_back(std::to_string(node.dependents.size() - max) + " more (" + names + ")");
  }
  std::string text;
  for (const std::string& m : messages) text += "\n" + m;
  return Indent(text);
}

std::string ExplainNode(const NodeExplanation& node, int depth, std::set<std::string>* seen);

std::string ExplainLinksIn(const NodeExplanation& node, int depth, std::set<std::string>* seen) {
  if (node.links_in.empty() || depth <= 0) return "";
  std::string text;
  for (const NodeExplanation* link : node.links_in) text += "\n" + ExplainNode(*link, depth - 1, seen);
  return Indent(text);
}

std::string ExplainFrom(const NodeExplanation& from, int depth, std::set<std::string>* seen) {
  if (from.project_root) return "the root project";
  // A node already being explained on this path is named only (cycles).
  std::string id = from.name + "@" + from.version + ":" + from.location;
  if (seen->count(id)) return PrintNode(from);
  seen->insert(id);
  std::string text = PrintNode(from) + ExplainDependents(from, depth - 1, seen) + ExplainLinksIn(from, depth - 1, seen);
  seen->erase(id);
  return text;
}

std::string ExplainEdge(const EdgeExplanation& edge, int depth, std::set<std::string>* seen) {
  // A workspace edge names the folder, relative to the root (its only dependent).
  std::string dep = edge.type == "workspace" ? edge.spec.substr(edge.spec.rfind("file:", 0) == 0 ? 5 : 0)
                                             : edge.name + "@\"" + edge.spec + "\"";
  if (edge.overridden) dep = "overridden " + dep + " (was \"" + edge.raw_spec + "\")";
  return (edge.type == "prod" ? "" : edge.type + " ") + (edge.bundled ? "bundled " : "") + dep + " from " +
         ExplainFrom(*edge.from, depth, seen);
}

std::string ExplainNode(const NodeExplanation& node, int depth, std::set<std::string>* seen) {
  return PrintNode(node) + ExplainDependents(node, depth, seen) + ExplainLinksIn(node, depth, seen);
}

std::string ExplainNode(const NodeExplanation& node, int depth) {
  std::set<std::string> seen;
  return ExplainNode(node, depth, &seen);
}

std::string ExplainEdge(const EdgeExplanation& edge, int depth) {
  std::set<std::string> seen;
  return ExplainEdge(edge, depth, &seen);
}

// npm's explain-eresolve `explain(expl, depth)`.
std::string Explanation(const PeerConflict& conflict, int depth) {
  Explainer explainer;
  const NodeExplanation* current = nullptr;
  auto explain_current = [&] {
    if (conflict.current) current = explainer.Explain(conflict.current, conflict.current_for, {});
  };
  if (conflict.current_first) explain_current();
  const EdgeExplanation* current_edge = conflict.current_edge ? explainer.Explain(conflict.current_edge, {}) : nullptr;
  const EdgeExplanation* edge = explainer.Explain(conflict.edge, {});
  const NodeExplanation* dep = conflict.dep ? explainer.Explain(conflict.dep, conflict.edge, {}) : nullptr;
  if (!conflict.current_first) explain_current();
  const NodeExplanation* peer_current = conflict.peer_current ? explainer.Explain(conflict.peer_current, nullptr, {}) : nullptr;
  const NodeExplanation* peer = conflict.peer ? explainer.Explain(conflict.peer, conflict.peer_for, {}) : nullptr;

  std::vector<std::string> out;
  const NodeExplanation* installing = dep && dep->while_installing           ? dep
                                      : current && current->while_installing ? current
                                      : edge->from->while_installing         ? edge->from
                                                                              : nullptr;
  if (installing) out.push_back("While resolving: " + installing->installing_name + "@" + installing->installing_version);
  if (current) {
    out.push_back("Found: " + ExplainNode(*current, depth));
  } else if (peer_current) {
    out.push_back("Found: " + ExplainNode(*peer_current, depth));
  } else if (current_edge) {
    out.push_back("Found: " + ExplainEdge(*current_edge, depth));
  } else {
    out.push_back("Found: " + ExplainEdge(*edge, depth));
  }
  out.push_back("\nCould not resolve dependency:\n" + ExplainEdge(*edge, depth));
  if (peer) out.push_back("\nConflicting peer dependency: " + ExplainNode(*peer, depth));
  std::string text;
  for (size_t i = 0; i < out.size(); ++i) text += (i ? "\n" : "") + out[i];
  return text;
}

}  // namespace

std::string ExplainPeerConflict(const std::string& message, const PeerConflict& conflict) {
  std::string text = "code ERESOLVE\nERESOLVE " + message + "\n\n" + Explanation(conflict, 4);
  text += conflict.strict_peer_deps
              ? "\n\nFix the upstream dependency conflict, or retry this command with --no-strict-peer-deps, "
                "--force, or --legacy-peer-deps to accept an incorrect (and potentially broken) dependency "
                "resolution."
              : "\n\nFix the upstream dependency conflict, or retry this command with --force or "
                "--legacy-peer-deps to accept an incorrect (and potentially broken) dependency resolution.";
  return text;
}

std::string WarnPeerConflict(const PeerConflict& conflict) {
  return "ERESOLVE overriding peer dependency\n" + Explanation(conflict, 2);
}

}  // namespace skua::pm::tree
