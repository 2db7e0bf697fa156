// npm's `omit-lockfile-registry-resolved` applied to a lockfile read from disk: npm
// rebuilds the lockfile from its tree on every install, so an existing lockfile that is
// in sync with package.json loses `resolved` too. (A fresh resolution drops it while
// writing the tree: LockfileOptions::omit_registry_resolved.)
#ifndef SKUA_PM_LOCKFILE_OMIT_RESOLVED_H_
#define SKUA_PM_LOCKFILE_OMIT_RESOLVED_H_

#include "pm/lockfile/lockfile.h"

namespace skua::pm::lockfile {

// Removes `resolved` from every entry that some dependency declaration reaches and that
// only registry specs (versions, ranges, tags, `npm:` aliases) reach: npm's
// Node#isRegistryDependency, with the lockfile's recorded dependencies as the edges.
// Returns how many entries changed.
int OmitRegistryResolved(Lockfile& lock);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_OMIT_RESOLVED_H_
