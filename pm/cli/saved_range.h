// The dependency specs npm's reify saves in package.json: for `skua add` (a range as
// written, or `<save-prefix><version>`) and for `update --save`, which moves the ranges of
// the direct dependencies an update reached to the versions it installed.
#ifndef SKUA_PM_CLI_SAVED_RANGE_H_
#define SKUA_PM_CLI_SAVED_RANGE_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "pm/cli/package_json_edit.h"
#include "pm/lockfile/lockfile.h"
#include "pm/registry/packument.h"
#include "pm/spec/dep_spec.h"

namespace skua::pm::cli {

// What npm saves for a registry `spec` resolved to `version`: tags and versions save
// `<prefix><version>`; a range is saved as written unless `<prefix><version>` lies inside
// it (semver.subset, checked on the packument's versions and the edges of a ^/~ range
// just past `version`: exact for the ranges people write, `~1.0`, `1.x <1.2.3`, `>=1 <3`).
// An alias keeps its `npm:name@` form.
std::string SavedRange(const spec::DepSpec& spec, const std::string& version, const std::string& prefix,
                       const registry::Packument& packument);

// One package.json edit: `spec` for `name` under `kind`.
struct RangeUpdate {
  DepKind kind;
  std::string name;
  std::string spec;
};

// npm's `update --save` for one package.json (the root's, `from` "", or a workspace's,
// `from` its folder): each registry dependency it declares (all, or those in `names`)
// that the installed lockfile `lock` places at the top of node_modules gets
// SavedRange(spec, installed version). As arborist's save step: a package some dependent
// pins to its exact version is left alone; the spec read is the edge arborist keeps
// (devDependencies over optionalDependencies over dependencies over peerDependencies);
// it is written to `dependencies` and `devDependencies` where declared, to
// `peerDependencies` and `optionalDependencies` where declared unless, beside a
// devDependency, the old range intersects the new one. Edits that change nothing are
// left out. `packument_of(name)` is the registry document of a package name (nullptr:
// that package is skipped).
std::vector<RangeUpdate> UpdatedRanges(
    const PackageJsonEditor& editor, const std::string& from, const lockfile::Lockfile& lock,
    const std::set<std::string>& names, const std::string& prefix,
    const std::function<const registry::Packument*(const std::string&)>& packument_of);

// Applies `updates` to `editor` and to the lockfile entry that records the same
// package.json's declarations (only names the entry's objects already list).
void ApplyRangeUpdates(const std::vector<RangeUpdate>& updates, PackageJsonEditor* editor,
                       lockfile::LockEntry* entry);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_SAVED_RANGE_H_
