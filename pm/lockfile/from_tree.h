// The lockfile an ideal tree is written as: npm's Shrinkwrap.metaFromNode for every
// entry (package fields that are set, the node's resolved/integrity, dep flags), the
// root entry from the project's package.json.
#ifndef SKUA_PM_LOCKFILE_FROM_TREE_H_
#define SKUA_PM_LOCKFILE_FROM_TREE_H_

#include "pm/lockfile/lockfile.h"
#include "pm/tree/build_ideal_tree.h"

namespace skua::pm::lockfile {

Lockfile LockfileFromTree(const tree::IdealTree& tree);

// One entry's fields (exposed for tests).
JsonValue MetaFromNode(const tree::Node& node);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_FROM_TREE_H_
