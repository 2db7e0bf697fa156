// The lockfile entries of bundled dependencies. A package's bundleDependencies ship
// inside its tarball, under its own node_modules; npm reads them out of the extracted
// package and lists each in the lockfile ("node_modules/a/node_modules/b" with
// `"inBundle": true`), though they are never fetched on their own.
#ifndef SKUA_PM_CLI_BUNDLED_ENTRIES_H_
#define SKUA_PM_CLI_BUNDLED_ENTRIES_H_

#include <cstddef>
#include <set>
#include <string>

#include "pm/lockfile/lockfile.h"
#include "pm/store/store.h"

namespace skua::pm::cli {

// The locations of `lock`'s bundling packages (a non-empty bundleDependencies; not links,
// not themselves bundled).
std::set<std::string> BundlingLocations(const lockfile::Lockfile& lock);

// Adds to `lock` the bundled packages of each bundling entry whose package the store
// holds (an entry the store lacks, or a package.json that does not parse, is passed
// over); returns how many were added. For a lockfile written from a resolution: one read
// from disk lists them already.
size_t AddBundledEntries(const store::Store& store, lockfile::Lockfile* lock);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_BUNDLED_ENTRIES_H_
