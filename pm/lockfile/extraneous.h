// npm's idealTreePrune for a tree loaded from a lockfile: entries marked "extraneous"
// (nothing depends on them; `install --package-lock-only` without a lockfile writes them)
// are dropped once npm starts from that lockfile, so they are never installed and the
// lockfile written next no longer lists them.
#ifndef SKUA_PM_LOCKFILE_EXTRANEOUS_H_
#define SKUA_PM_LOCKFILE_EXTRANEOUS_H_

#include "pm/lockfile/lockfile.h"

namespace skua::pm::lockfile {

// Removes the entries marked `"extraneous": true` and those nested below them; returns
// how many entries went.
int DropExtraneous(Lockfile& lock);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_EXTRANEOUS_H_
