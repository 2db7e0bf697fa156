// Lifecycle scripts (pm-spec §2.11): npm's environment (npm_package_*, npm_lifecycle_*,
// npm_config_*, INIT_CWD, PATH with every node_modules/.bin from the package up), a
// private directory first on PATH whose `node` is a symlink to the running skua, and
// `/bin/sh -c`. Dependencies' output is captured (shown when they fail); the root's
// scripts inherit stdio.
#ifndef SKUA_PM_CLI_SCRIPTS_H_
#define SKUA_PM_CLI_SCRIPTS_H_

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "pm/config/config.h"

namespace skua::pm::cli {

struct ScriptEnvironment {
  std::map<std::string, std::string> base;  // Inherited for every script.
  std::string shim_dir;                     // Holds the `node` symlink; first on PATH.
};

// The process environment plus npm_config_* (set keys, except credentials and keys
// starting with '@', '/' or '_'), npm_config_user_agent, npm_command, npm_execpath,
// npm_node_execpath, NODE, INIT_CWD and PROJECT_CWD.
ScriptEnvironment MakeScriptEnvironment(const config::Config& config, const std::string& command,
                                        const std::string& init_cwd,
                                        const std::string& project_dir,
                                        const std::string& shim_dir);

// Creates `dir/node` -> the running executable (/proc/self/exe resolved).
Status MakeNodeShim(const std::string& dir);

// npm's configuration for a command run from `cwd` (absolute) with `cli` settings from
// the command line (config::ParseConfigArgs), reading the real environment.
Result<config::Config> LoadCommandConfig(const std::string& cwd,
                                         const std::vector<std::pair<std::string, std::string>>& cli);

// The current directory, absolute.
std::string CurrentDir();

// A directory holding the `node` stand-in for commands outside install: the project's
// node_modules/.skua/bin when node_modules exists and is writable, else `bin` under the
// skua cache, else a per-user folder under /tmp.
Result<std::string> PrepareNodeShim(const std::string& project_dir);

struct ScriptCall {
  std::string package_dir;  // Absolute; the script's cwd.
  std::string package_json_path;
  std::string name;
  std::string version;
  std::string event;    // "postinstall"
  std::string command;  // The script text (npm_lifecycle_script).
  bool capture = false;
  // Appended to `command`, each shell-quoted, as `npm run x -- args` does.
  std::vector<std::string> args;
  // Extra PATH entries placed after the shim directory (e.g. an exec cache's .bin).
  std::string extra_path;
  // The foreground command of `skua run`: while it runs this process ignores SIGINT
  // and SIGQUIT (the terminal sends them to the whole process group), as system(3) does.
  bool foreground = false;
};

// `arg` quoted for /bin/sh when it holds anything the shell would interpret.
std::string ShellQuote(const std::string& arg);

// Runs one script; the exit status (128 + signal when killed, and `*signal` set to the
// signal number when given). `output` receives the captured stdout and stderr when
// `call.capture`.
Result<int> RunScript(const ScriptEnvironment& env, const ScriptCall& call, std::string* output,
                      int* signal = nullptr);

// A package whose scripts may run: its folder and package.json text.
struct ScriptPackage {
  std::string dir;
  std::string spec;  // "name@version" for messages.
};

struct ScriptFailure {
  int exit_code = 0;  // 0: everything ran.
  std::string message;
};

using ScriptLog = std::function<void(const std::string& line)>;

// npm's order for dependencies: every preinstall, then install (or node-gyp's implicit
// `node-gyp rebuild` for a binding.gyp), then postinstall, each phase over `packages` in
// the given (depth, path) order.
Result<ScriptFailure> RunDependencyScripts(const ScriptEnvironment& env,
                                           const std::vector<ScriptPackage>& packages,
                                           const ScriptLog& log);

// The root's preinstall, install, postinstall, prepublish, preprepare, prepare,
// postprepare, sequentially with inherited stdio; `banner` prints npm's "> name@v event".
Result<ScriptFailure> RunRootScripts(const ScriptEnvironment& env, const std::string& project_dir,
                                     bool banner);

// Each line of `message` on stderr, prefixed "skua error " (npm's "npm error ").
void PrintError(const std::string& message);

// Ends this process the way a script ended: npm re-raises a script's fatal signal.
// Returns 128 + signal only for a signal whose default action is not fatal.
int ExitForSignal(int signal);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_SCRIPTS_H_
