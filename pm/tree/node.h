// The ideal tree's model (pm-spec §2.5): nodes at install locations, edges from a node's
// package.json declarations, and the queries npm's Node/Edge classes answer (resolve,
// validity, incoming edges, matches, canReplace). Edges are not stored with targets:
// `To()` walks node_modules upward each time, so moving nodes never leaves stale links.
//
// Rules: a Tree owns every Node it creates, attached or not (detached nodes are pruned
// ones and the members of virtual roots); Node pointers stay valid for the Tree's life.
#ifndef SKUA_PM_TREE_NODE_H_
#define SKUA_PM_TREE_NODE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/status.h"
#include "pm/registry/manifest.h"
#include "pm/semver/range.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::tree {

enum class EdgeType { kProd, kDev, kOptional, kPeer, kPeerOptional };

class Overrides;
class Tree;
struct Node;

struct Edge {
  Node* from = nullptr;
  EdgeType type = EdgeType::kProd;
  // Views of strings the tree keeps (Tree::Intern), so an edge copies cheaply: every
  // virtual root copies its source node's edges.
  std::string_view name;
  std::string_view spec;      // After overrides; what is resolved and validated.
  std::string_view raw_spec;  // As declared.
  bool peer_conflicted = false;

  // To()'s last answer, for `from` at the tree's shape `shape` (see Tree::shape()).
  mutable const Node* to_from = nullptr;
  mutable uint64_t to_shape = 0;
  mutable Node* to_cached = nullptr;

  bool peer() const { return type == EdgeType::kPeer || type == EdgeType::kPeerOptional; }
  bool optional() const { return type == EdgeType::kOptional || type == EdgeType::kPeerOptional; }
  bool dev() const { return type == EdgeType::kDev; }

  // The node `require(name)` from `from` finds, or null.
  Node* To() const;
  // npm's Edge#valid: missing is fine only for optional edges; a peer may not sit in its
  // dependent's own node_modules (except below a top node); otherwise the target must
  // satisfy the spec.
  bool Valid() const;
  bool SatisfiedBy(const Node* node) const;
};

struct Node {
  Tree* tree = nullptr;
  size_t id = 0;     // Creation order within the tree.
  size_t indexed_edges = 0;  // How many of `edges` Tree::IndexEdges has recorded.
  std::string name;  // The folder name: an alias's name, not its package's.
  // The package, shared by the nodes of one picked version and their copies (virtual
  // roots, placements): read it with package(), replace it whole, or edit it through
  // mutable_package().
  std::shared_ptr<const registry::Manifest> manifest = EmptyManifest();
  std::string resolved;
  std::string integrity;
  std::string error;  // Why the package could not be loaded; such nodes have no version.

  Node* parent = nullptr;     // The node whose node_modules holds this one.
  Node* fs_parent = nullptr;  // Link targets inside the project: the root. Set it with Tree::SetFsParent.
  std::map<std::string, Node*, std::less<>> children;
  std::vector<Edge> edges;  // npm's order; one per name.

  bool is_project_root = false;
  bool is_workspace = false;  // A workspace's folder (a link target the root declares).
  bool is_link = false;
  Node* link_target = nullptr;  // Links only.
  std::string realpath;         // Links and their targets: project-relative folder.
  Node* source_reference = nullptr;  // Virtual roots: the node whose edges they mirror.
  const Overrides* overrides = nullptr;

  // Dep flags as the lockfile records them (calcDepFlags), and install state.
  bool dev = true, optional = true, dev_optional = true, peer = true, extraneous = true;
  bool inert = false;
  // Shipped inside another package's tarball (npm's inDepBundle): only a tree started
  // from a lockfile has such nodes. Never deduped, updated or hoisted to.
  bool in_dep_bundle = false;

  bool IsTop() const { return parent == nullptr; }
  Node* ResolveParent() const { return parent ? parent : fs_parent; }
  Node* Root();
  bool IsVirtualRoot() const { return source_reference != nullptr; }
  int Depth() const;
  // "node_modules/a/node_modules/b"; "" for the root; realpath for fs children.
  std::string Location() const;
  const registry::Manifest& package() const { return *manifest; }
  registry::Manifest& mutable_package();  // Copies the manifest first when it is shared.
  const std::string& version() const { return package().version; }
  const std::string& package_name() const { return package().name; }
  static const std::shared_ptr<const registry::Manifest>& EmptyManifest();

  const Edge* EdgeOut(std::string_view name) const;
  Edge* EdgeOut(std::string_view name);
  Node* Resolve(std::string_view name);
  bool IsDescendantOf(const Node* other) const;
  // Self, resolve parent, ..., top.
  std::vector<Node*> Ancestry();

  // npm's Node#matches: the same package (integrity, else resolved, else name+version).
  bool Matches(const Node* other) const;
  // npm's canReplaceWith, seen from the replacement: every edge into `current` from
  // outside current's own exclusive dependencies accepts this node.
  bool CanReplace(Node* current, const std::set<std::string>& ignore_peers = {});
  // Edges from attached nodes that resolve to this one, in node creation order.
  std::vector<Edge*> EdgesIn() const;
};

// Hash-map lookups by string_view without building a std::string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMapOf = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

class Tree {
 public:
  Tree();
  Node* root() { return root_; }
  Node* NewNode();
  // Moves `node` under `parent` (replacing a child of the same name) or detaches it
  // (parent == null).
  void SetParent(Node* node, Node* parent);
  // Counts the SetParent calls that changed where an attached node was (a move, a
  // detach, a replaced child): while it stays the same, the location of every node
  // created earlier stays the same too.
  uint64_t relocations() const { return relocations_; }
  // Changes whenever a node gains or loses a parent, child or fs parent: while it stays
  // the same, every name resolves to the same node.
  uint64_t shape() const { return shape_; }
  // Makes `fs_parent` the resolve parent of a node outside any node_modules (a link
  // target inside the project); the tree keeps a list of such nodes for Subtree().
  void SetFsParent(Node* node, Node* fs_parent);
  // Nodes attached to the root, breadth-first by location order of children.
  std::vector<Node*> Inventory();
  // Every node under the same top as `top` (the project root or a virtual root).
  std::vector<Node*> NodesUnder(const Node* top);
  // `top` and every node whose resolve-parent chain passes through it, in creation order.
  std::vector<Node*> Subtree(Node* top);
  // Every node named `name`, attached or not, in creation order: what the placer, which
  // asks at each placement, filters (a walk of the whole tree each time was quadratic).
  // Nodes are indexed by the name they have at the first call after their creation:
  // whoever creates a node names it at once.
  std::vector<Node*> NodesNamed(std::string_view name);
  // Appends the nodes whose fs_parent is `n` (and that have no parent).
  void PushFsChildren(Node* n, std::vector<Node*>* out) const;
  // Records the node's edges (those added since the last call) in the edge-name index
  // EdgesIn() searches. Whoever gives an existing node new edges calls it; nodes created
  // since the last EdgesIn() are indexed then anyway.
  void IndexEdges(Node* node);
  // Nodes that have (or had) an edge named `name`, possibly repeated, in no set order.
  const std::vector<Node*>& NodesWithEdge(const std::string& name);

  // A view of a copy of `s` that lives as long as the tree (one copy per distinct text).
  std::string_view Intern(std::string_view s);

  // Memoized pure parses; the builder asks the same questions thousands of times.
  // npa.resolve(name, spec) as spec::ResolveSpec; the reference stays valid.
  const Result<spec::DepSpec>& ResolveSpec(std::string_view name, std::string_view spec);
  // semver.satisfies(version, range, {loose: true}).
  bool SatisfiesLoose(std::string_view version, std::string_view range);

 private:
  std::deque<std::unique_ptr<Node>> nodes_;
  std::vector<Node*> fs_children_;
  StringMapOf<std::vector<Node*>> by_edge_name_;
  size_t indexed_upto_ = 0;  // Nodes below this id have been passed to IndexEdges.
  StringMapOf<std::vector<Node*>> by_name_;
  size_t named_upto_ = 0;  // Nodes below this id are in by_name_.
  Node* root_;
  uint64_t relocations_ = 0;
  uint64_t shape_ = 1;
  std::unordered_set<std::string, StringHash, std::equal_to<>> strings_;  // Intern().
  StringMapOf<std::unique_ptr<Result<spec::DepSpec>>> specs_;
  std::string spec_key_;  // ResolveSpec's key, built in place.
  StringMapOf<std::optional<semver::Range>> ranges_;
  StringMapOf<std::optional<semver::Version>> versions_;
};

// npm's gather-dep-set: the nodes reachable from `start` through edges accepted by
// `filter`, minus any that something outside the set (through an accepted edge) needs.
std::set<Node*> GatherDepSet(const std::vector<Node*>& start, const std::function<bool(const Edge&)>& filter);

// Builds a node's edges from its package: peer (peerOptional when marked optional),
// dependencies, optionalDependencies, and devDependencies when `with_dev`; a later kind
// replaces an earlier one of the same name in place. Overrides are applied by the caller.
// The node must belong to a tree (which keeps the edges' strings).
void AddEdges(Node* node, bool with_dev, bool legacy_peer_deps);

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_NODE_H_
