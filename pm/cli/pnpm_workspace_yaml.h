// The dependency-build settings of a pnpm-workspace.yaml (pnpm 10 keeps them there rather
// than in package.json's "pnpm" key): onlyBuiltDependencies, neverBuiltDependencies and
// ignoredBuiltDependencies (lists of names), allowBuilds (name: true|false) and
// dangerouslyAllowAllBuilds (true|false), returned as the JSON object package.json's
// "pnpm" key would hold, for script_policy.h.
//
// Reads the YAML pnpm writes: top-level keys whose values are block sequences, flow
// sequences ([a, 'b']) or a block mapping of scalars; plain, 'single' and "double" quoted
// scalars; comments and document markers. Other keys and other forms are skipped; no
// input is an error.
#ifndef SKUA_PM_CLI_PNPM_WORKSPACE_YAML_H_
#define SKUA_PM_CLI_PNPM_WORKSPACE_YAML_H_

#include <string_view>

#include "pm/lockfile/json_value.h"

namespace skua::pm::cli {

lockfile::JsonValue PnpmWorkspaceBuildSettings(std::string_view yaml);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_PNPM_WORKSPACE_YAML_H_
