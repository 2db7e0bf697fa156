// The lockfile an ideal tree is written as: npm's Shrinkwrap.metaFromNode for every
// entry (package fields that are set, the node's resolved/integrity, dep flags), the
// root entry from the project's package.json.
#ifndef SKUA_PM_LOCKFILE_FROM_TREE_H_
#define SKUA_PM_LOCKFILE_FROM_TREE_H_

#include "pm/lockfile/lockfile.h"
#include "pm/tree/build_ideal_tree.h"
#include "pm/tree/dep_flags.h"

namespace skua::pm::lockfile {

struct LockfileOptions {
  // npm's omit-lockfile-registry-resolved: no `resolved` for a package that every
  // dependency edge leading to it asks of the registry (npm's isRegistryDependency); an
  // install from the lockfile builds its URL from the configured registry.
  bool omit_registry_resolved = false;
};

Lockfile LockfileFromTree(const tree::IdealTree& tree, const LockfileOptions& options = {});

// One entry's fields (exposed for tests).
JsonValue MetaFromNode(const tree::Node& node, const LockfileOptions& options = {});

// The entry of a package shipped inside another's tarball (bundleDependencies), read
// from its package.json in folder `folder` ("@s/b"), as npm records it: the package's
// fields, `inBundle`, and its dep flags.
JsonValue MetaFromBundled(const registry::Manifest& package, std::string_view folder,
                          const tree::DepFlags& flags);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_FROM_TREE_H_
