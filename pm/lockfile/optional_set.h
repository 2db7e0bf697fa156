// The optional packages an install leaves out (arborist's #checkEngineAndPlatform): an
// optional entry that cannot be installed here (for another os, cpu or libc: the caller
// decides) is inert, and with it its optional set (arborist's
// optionalSet): the dependents that need it without an optional edge, up to the optional
// edges that reach them, and then every dependency of those that nothing else needs
// (nothing outside the set that is not inert already). Sharp's wasm32 build takes
// @emnapi/runtime and tslib with it that way; npm neither installs them nor lists them
// in node_modules/.package-lock.json.
#ifndef SKUA_PM_LOCKFILE_OPTIONAL_SET_H_
#define SKUA_PM_LOCKFILE_OPTIONAL_SET_H_

#include <functional>
#include <set>
#include <string>

#include "pm/lockfile/lockfile.h"

namespace skua::pm::lockfile {

// The locations left out: entries already marked "inert", then, for each entry in the
// lockfile's order marked "optional" for which `unusable` holds, its optional set.
std::set<std::string> InertLocations(const Lockfile& lock,
                                     const std::function<bool(const LockEntry&)>& unusable);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_OPTIONAL_SET_H_
