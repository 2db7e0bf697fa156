// Where one dependency goes: npm's CanPlaceDep (may `dep` live in `target`'s
// node_modules: OK, KEEP the current one, REPLACE it, or CONFLICT) and PlaceDep (walk
// from the deepest allowed target toward the root and use the highest non-conflicting
// one, then place the dep's peer set beside it and dedupe below it). pm-spec §2.6.
#ifndef SKUA_PM_TREE_PLACE_DEP_H_
#define SKUA_PM_TREE_PLACE_DEP_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pm/tree/explain_eresolve.h"
#include "pm/tree/node.h"

namespace skua::pm::tree {

enum class Placement { kOk, kKeep, kReplace, kConflict };

struct PlaceOptions {
  bool force = false;
  bool strict_peer_deps = false;
  bool prefer_dedupe = false;
  bool legacy_peer_deps = false;
  // Names the user asked to update (`update NAME`): an edge by such a name is placed
  // again even when what it resolves to satisfies it. Not owned; may be null.
  const std::set<std::string, std::less<>>* update_names = nullptr;
};

// The deepest node under which `name` may be nested, starting at `start`: a node with a
// peer edge on `name` needs it at or above its own parent.
Node* DeepestNestingTarget(Node* start, std::string_view name);

class CanPlace {
 public:
  // `explicit_request`: the edge is one the user asked for (`add NAME`), so a current
  // node that satisfies it is replaced rather than kept (npm's explicitRequest).
  CanPlace(Node* dep, Node* target, Edge* edge, CanPlace* parent, std::vector<Node*> peer_path,
           bool prefer_dedupe, bool explicit_request = false);

  Placement can_place() const { return can_place_; }
  Placement can_place_self() const { return can_place_self_.value_or(can_place_); }
  Node* target() const { return target_; }
  Node* DeepestTarget();
  Node* dep() const { return dep_; }
  Edge* edge() const { return edge_; }
  Node* current() const { return current_; }
  // npm's conflictChildren: the peer checks below this one, breadth first, that found a
  // conflict where they would go.
  std::vector<const CanPlace*> ConflictChildren() const;

 private:
  Placement Check();
  Placement CheckCurrent();
  Placement CheckNoCurrent();
  Placement CheckPeers(Placement state);
  bool CanReplaceGroup(Edge* entry_edge) const;
  const CanPlace* Top() const { return parent_ ? parent_->Top() : this; }

  Node* dep_;
  Node* target_;
  Edge* edge_;
  CanPlace* parent_;
  std::vector<Node*> peer_path_;
  bool prefer_dedupe_;
  bool explicit_request_;
  Node* current_ = nullptr;
  Edge* target_edge_ = nullptr;
  bool edge_override_ = false;
  Placement can_place_ = Placement::kConflict;
  std::optional<Placement> can_place_self_;
  std::optional<Placement> peers_result_;
  std::vector<std::unique_ptr<CanPlace>> children_;
};

// The outcome the builder needs from one placement (and its peers, depth first).
struct Placed {
  Node* node = nullptr;
  Edge* edge = nullptr;
  Placement self = Placement::kOk;
};

class PlaceDep {
 public:
  // Places `dep` (a node of a virtual root) for `edge`. On an unresolvable conflict that
  // npm reports as ERESOLVE, `error()` is set and nothing more happens. An explicit
  // request (see CanPlace) holds for the peers placed along with it too.
  PlaceDep(Node* dep, Edge* edge, PlaceDep* parent, const PlaceOptions& options,
           std::vector<std::string>* warnings, bool explicit_request = false);

  const std::string& error() const { return error_; }
  // Every placement made, this one first, then the peers' depth first.
  void Collect(std::vector<Placed>* out) const;
  const std::set<Node*>& need_evaluation() const { return need_evaluation_; }

 private:
  void Run();
  Node* StartNode();
  bool IsMine();
  void ReplaceOldDep(Node* old_dep);
  void PruneDedupable(Node* node, bool descend);
  // arborist's explainPeerConflict(edge, dep), as this placement sees it.
  PeerConflict DescribeConflict(Edge* edge, Node* dep);
  // arborist's warnPeerConflict: the edge is marked conflicted and npm's warning kept.
  void WarnPeerConflict(Edge* edge, Node* dep);
  const PlaceDep* Top() const { return parent_ ? parent_->Top() : this; }

  Node* dep_;
  Edge* edge_;
  PlaceDep* parent_;
  const PlaceOptions& options_;
  std::vector<std::string>* warnings_;
  bool explicit_request_;
  std::string name_;
  std::vector<std::unique_ptr<CanPlace>> checks_;
  CanPlace* can_place_ = nullptr;
  CanPlace* can_place_self_ = nullptr;  // The last check that could place the dep itself.
  Node* current_ = nullptr;             // What the edge resolved to when placing began.
  Node* placed_ = nullptr;
  Placement placement_ = Placement::kOk;
  std::vector<std::unique_ptr<PlaceDep>> children_;
  std::set<Node*> need_evaluation_;
  std::string error_;
};

// npm's Node#canDedupe: can `node` go because the node two levels up resolves to
// something that serves all its dependents as well? An explicit request takes the
// other node whenever it can replace this one.
bool CanDedupe(Node* node, bool prefer_dedupe, bool explicit_request = false);

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_PLACE_DEP_H_
