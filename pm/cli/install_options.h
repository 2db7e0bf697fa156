// The command line of `skua install` / `skua ci`: skua's own flags (--silent, --verbose,
// --trust) are taken out; everything else is npm configuration (pm/config/cli_args.h).
#ifndef SKUA_PM_CLI_INSTALL_OPTIONS_H_
#define SKUA_PM_CLI_INSTALL_OPTIONS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "pm/cli/reporter.h"

namespace skua::pm::cli {

enum class InstallCommand { kInstall, kCi };

struct InstallOptions {
  InstallCommand command = InstallCommand::kInstall;
  LogLevel level = LogLevel::kNormal;
  bool trust_all = false;             // `--trust`: every dependency's scripts may run.
  std::set<std::string> trust;        // `--trust=a,b`.
  std::vector<std::pair<std::string, std::string>> config;  // For config::LoadOptions::cli.
  std::vector<std::string> positional;
  // npm's `-w NAME|PATH` (repeatable), `--workspaces` (`-ws`) and `--include-workspace-root`
  // for an install without packages: only what the selected workspaces (and the root's
  // own dependencies, when included) need is written to node_modules.
  std::vector<std::string> workspace_filters;
  bool all_workspaces = false;
  bool include_workspace_root = false;
  // `--workspaces=false`: no workspace root is looked for above the project, and only
  // the root's own dependencies are written (the lockfile still has everything).
  bool no_workspaces = false;

  // Set by add/remove/update (dependency_commands.h), never by ParseInstallArgs.
  std::string project_dir;  // Empty: npm's search upwards from the working directory.
  // Install this package.json text instead of the file's, and write it to the file once
  // the install has succeeded (just before the lockfile).
  std::optional<std::string> package_json;
  bool save_package_json = true;  // False: `package_json` is installed but not written.
  // When the lockfile no longer matches package.json, start from the lockfile's tree as
  // npm does (or, where it cannot be the start, keep each locked version where a range
  // still accepts it) instead of resolving from scratch.
  bool prefer_locked = true;  // Off only to resolve from scratch (no command does yet).
  bool update_all = false;          // `skua update`: ignore every locked version.
  std::set<std::string> update;     // `skua update a b`: ignore these names' locked versions.
  // `skua add a b`: the dependencies the user named, placed again even where the locked
  // package satisfies them (npm's explicit requests): "a" for the root's, "folder:a" for
  // a workspace's (tree::BuildOptions::explicit_requests).
  std::set<std::string, std::less<>> explicit_requests;
  // name -> version: `skua add a@1.0.0` installs 1.0.0 although it saves "^1.0.0".
  std::map<std::string, std::string, std::less<>> pins;
  // dependency key -> the spec the tree is built with, as npm builds it with the user's
  // spec and saves the range only afterwards: `skua add a@1.0.0` places exactly 1.0.0 at
  // the root, where a dependent's exact "1.2.0" would otherwise replace it ("^1.0.0").
  std::map<std::string, std::string, std::less<>> requested;
};

// InvalidArgument for package arguments to `ci`; `install`'s go to `positional` (and
// RunInstallCommand hands them to `skua add`).
Result<InstallOptions> ParseInstallArgs(InstallCommand command, const std::vector<std::string>& args);

const char* CommandName(InstallCommand command);  // "install" / "ci"

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_INSTALL_OPTIONS_H_
