// npm 11's workspaces (@npmcli/map-workspaces and npm's --workspace filter): the root
// package.json's `workspaces` globs, the folders with a package.json they match, and the
// selection `-w NAME|PATH` makes among them. Used by install (links and lockfile), run
// and add.
//
// Usage:
//   Result<std::vector<Workspace>> all = FindWorkspaces(project_dir, package_json_text);
//   Result<std::vector<Workspace>> picked = FilterWorkspaces(*all, {"a"}, project_dir, cwd);
#ifndef SKUA_PM_WORKSPACES_WORKSPACES_H_
#define SKUA_PM_WORKSPACES_WORKSPACES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::workspaces {

struct Workspace {
  std::string name;          // package.json's `name`, or the folder's name without one.
  std::string path;          // Project-relative and "/"-separated: "packages/a".
  std::string package_json;  // The folder's package.json text.
};

// The patterns of `workspaces` (an array of strings, or an object whose `packages` is
// one); empty when the field is absent. Other shapes are kInvalidArgument, npm's
// "code EWORKSPACESCONFIG\nworkspaces config expects an Array". Malformed JSON names
// package.json.
Result<std::vector<std::string>> WorkspacePatterns(std::string_view package_json_text);

// minimatch's rules for one path against one pattern ("packages/*", "libs/**",
// "x/{a,b}", "[ab]*"): `*`/`?`/`[...]` stay inside one segment and do not match a leading
// dot; `**` spans zero or more segments.
bool GlobMatch(std::string_view pattern, std::string_view path);

// The workspaces among `folders` (project-relative folder -> its package.json text, as
// a test or an in-memory source holds them). Patterns apply in order; a "!pattern"
// removes earlier matches. Folders inside node_modules never match. A glob matching
// nothing is not an error (npm 11 installs without it). Two folders with one name are
// EDUPLICATEWORKSPACE, with npm's message; `project_dir` makes its paths absolute.
Result<std::vector<Workspace>> MatchWorkspaces(const std::vector<std::string>& patterns,
                                               const std::map<std::string, std::string>& folders,
                                               std::string_view project_dir);

// The project's workspaces from the file system, sorted by path. No `workspaces` field
// gives an empty list. A workspace package.json that is not JSON is EJSONPARSE naming it.
Result<std::vector<Workspace>> FindWorkspaces(std::string_view project_dir,
                                              std::string_view package_json_text);

// npm's workspace root detection: the nearest ancestor of `project_dir` whose
// package.json lists `project_dir` among its workspaces, or "" (also when a package.json
// on the way up cannot be read as JSON). npm then runs the command there, for that
// workspace.
std::string FindWorkspaceRoot(std::string_view project_dir);

// npm's --workspace filter: each filter selects the workspace of that name, or at that
// path, or every workspace below that folder (paths relative to `cwd`). No match for any
// filter is kNotFound "No workspaces found:\n  --workspace=<f>..." as npm prints it; an
// empty `filters` selects all, and is kNotFound "No workspaces found!" when there are none.
Result<std::vector<Workspace>> FilterWorkspaces(const std::vector<Workspace>& all,
                                                const std::vector<std::string>& filters,
                                                std::string_view project_dir, std::string_view cwd);

}  // namespace skua::pm::workspaces

#endif  // SKUA_PM_WORKSPACES_WORKSPACES_H_
