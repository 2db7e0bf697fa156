// npm's ERESOLVE report: what arborist's Node#explain and Edge#explain record of a peer
// conflict (who depends on the package found, and on the one that could not be placed)
// and how npm's explain-eresolve prints it, four levels deep:
//
//   While resolving: app@1.0.0
//   Found: react@17.0.2
//   node_modules/react
//     react@"^17.0.2" from the root project
//
//   Could not resolve dependency:
//   peer react@"^18.0.0" from @testing-library/react@14.3.1
//   ...
//
// Checked against npm 11's own reports in the generated ERESOLVE cases
// (npm_differential_test) and by hand on real projects.
#ifndef SKUA_PM_TREE_EXPLAIN_ERESOLVE_H_
#define SKUA_PM_TREE_EXPLAIN_ERESOLVE_H_

#include <string>

#include "pm/tree/node.h"

namespace skua::pm::tree {

// The parts of arborist's ERESOLVE explanation object. A node is explained for the edge
// given with it (only that dependent listed), or, with none, for every valid edge into it.
struct PeerConflict {
  const Edge* edge = nullptr;  // The dependency that could not be resolved.
  Node* dep = nullptr;         // The package picked for it (explained for `edge`), if any.
  Node* current = nullptr;     // What sits where it would go, if anything.
  const Edge* current_for = nullptr;
  const Edge* current_edge = nullptr;  // Shown as "Found" when there is no `current`.
  // "Conflicting peer dependency": `peer` (explained for `peer_for`); `peer_current`
  // stands in for `current` when that is missing.
  Node* peer = nullptr;
  const Edge* peer_for = nullptr;
  Node* peer_current = nullptr;
  bool strict_peer_deps = false;
  // buildIdealTree explains `current` before the edges, placeDep after them: the first
  // explanation of a node is the one every later mention shows.
  bool current_first = false;
};

// "code ERESOLVE\nERESOLVE <message>\n\n<explanation>\n\n<how to fix>", npm's text.
std::string ExplainPeerConflict(const std::string& message, const PeerConflict& conflict);

// npm's warning for a peer conflict it accepted: "ERESOLVE overriding peer dependency"
// and the explanation two levels deep.
std::string WarnPeerConflict(const PeerConflict& conflict);

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_EXPLAIN_ERESOLVE_H_
