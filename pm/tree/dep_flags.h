// npm's calcDepFlags and the optional-failure pass that follow tree building: which
// nodes are dev, optional, devOptional or peer in the lockfile's sense, and which
// optional sets cannot be installed here.
#ifndef SKUA_PM_TREE_DEP_FLAGS_H_
#define SKUA_PM_TREE_DEP_FLAGS_H_

#include <set>

#include "pm/tree/node.h"

namespace skua::pm::tree {

// A package's flags in npm's calcDepFlags: all set until an edge proves otherwise.
struct DepFlags {
  bool dev = true, optional = true, dev_optional = true, peer = true, extraneous = true;
};

// One step of calcDepFlags: an edge of this kind (dev, optional, peer) from a package
// flagged `from` reaches a package flagged `*to`; unsets what the edge proves (a path
// without dev edges clears `dev`, ...). True when `*to` changed.
bool CarryDepFlags(const DepFlags& from, bool dev, bool optional, bool peer, DepFlags* to);

// Every node starts with every flag set and loses each one that a path from the root
// without that kind of edge reaches. Unreached nodes stay extraneous.
void CalcDepFlags(Tree& tree);

// npm's optional-set: `node`, the nodes that need it through non-optional edges, and
// everything only they depend on.
std::set<Node*> OptionalSet(Node* node);

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_DEP_FLAGS_H_
