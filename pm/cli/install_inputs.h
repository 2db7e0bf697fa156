// What `skua install` reads before it decides whether there is anything to do: the
// configuration, package.json and the workspaces' package.json files, and the no-op
// stamp's key over them (stamp.h). Only light dependencies (no network, archive or TLS
// library), so that the `skua` executable can answer a no-op install itself
// (TryNoOpInstall) without loading libskua_pm.so; install_command.cc uses the same code.
#ifndef SKUA_PM_CLI_INSTALL_INPUTS_H_
#define SKUA_PM_CLI_INSTALL_INPUTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/cli/install_options.h"
#include "pm/cli/reporter.h"
#include "pm/cli/scripts.h"
#include "pm/config/config.h"
#include "pm/registry/pick_manifest.h"
#include "pm/registry/platform.h"
#include "pm/config/network_options.h"
#include "pm/workspaces/workspaces.h"

namespace skua::pm::cli {

// The Node version skua reports (runtime/core/version.h, which pm/ may not include):
// engines checks and the no-op stamp use it.
inline constexpr char kNodeVersion[] = "20.11.1";

struct InstallInputs {
  std::string cwd, project_dir, package_json;
  std::optional<config::Config> config;
  config::NetworkOptions network;
  std::vector<workspaces::Workspace> workspaces;
  // Run inside a workspace (npm's root detection): that workspace's folder, absolute,
  // which npm then installs as if given `-w <folder>`.
  std::string cwd_workspace;
};

// Loads the inputs as `skua install` does (npm's workspace-root detection, a registry
// configured, package.json valid JSON). Configuration warnings go to `out` when given.
// Errors carry the message to report.
Result<InstallInputs> LoadInstallInputs(const InstallOptions& options, Reporter* out);

// How versions are picked: for skua's Node version, and npm's `before` (a date the
// configuration could not read was dropped there with a warning, as npm drops it).
Result<registry::PickOptions> InstallPickOptions(const config::Config& config);

// The platform an install checks packages' os/cpu/libc against: this machine's, with
// npm's `os`, `cpu` and `libc` settings overriding each part.
registry::Platform InstallPlatform(const config::Config& config);

// `-g`/`--global` on the command line: an install without packages then installs the
// package of the current folder globally (npm's `install -g`), never a no-op.
bool GlobalOnCommandLine(const InstallOptions& options);

// The project's lockfile: npm-shrinkwrap.json when there is one (npm reads it instead of
// package-lock.json and writes it back), else package-lock.json (which may not exist).
std::string LockfilePath(const std::string& project_dir);

// The no-op stamp's key: a hash of everything an install reads (stamp.h).
std::string InstallStampKey(const InstallOptions& options, const InstallInputs& in);

// True when `options` is a plain `skua install` and the stamp says nothing changed.
bool InstallIsNoOp(const InstallOptions& options, const InstallInputs& in);

// The root's lifecycle scripts (scripts.h's RunRootScripts) unless ignore-scripts is set.
Result<ScriptFailure> RunRootLifecycle(const InstallOptions& options, const InstallInputs& in,
                                       Reporter& out);

// npm's summary when nothing changed: "up to date in 0.01s".
std::string UpToDateLine(double seconds);

// The executable's fast path for `skua install` / `skua i` (`args` follow the command):
// the exit code when the install was a no-op and has been answered here, nullopt when
// libskua_pm.so must run it (package arguments, anything that fails, a stale stamp, no
// stamp in the working directory's node_modules or above it: then nothing else is read).
std::optional<int> TryNoOpInstall(std::string_view command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_INSTALL_INPUTS_H_
