// The one symbol libskua_pm.so exports. The `skua` executable loads that library only for
// package-manager commands, so that libcurl, libarchive and OpenSSL (and their ~30
// dependent libraries) are not loaded for `skua --version`, `skua resolve` or a script.
#ifndef SKUA_PM_CLI_PM_ENTRY_H_
#define SKUA_PM_CLI_PM_ENTRY_H_

#include <string_view>

#define SKUA_PM_ENTRY_SYMBOL "SkuaPmMain"

namespace skua::pm::cli {

// The commands the executable hands to libskua_pm.so (when no file of that name exists,
// which node would run instead). pm_entry.cc maps each to its implementation.
inline constexpr std::string_view kPackageManagerCommands[] = {
    "install",
    "i",
    "ci",
    "add", "remove", "rm", "uninstall", "un", "update", "up", "upgrade", "ls", "list", "why", "explain", "outdated",
    "run", "run-script", "test", "start", "stop", "restart",
    "x", "exec", "init", "trust", "untrusted", "approve-scripts", "deny-scripts", "install-scripts",
    "pack", "link", "ln",
};

inline bool IsPackageManagerCommand(std::string_view name) {
  for (std::string_view command : kPackageManagerCommands) {
    if (command == name) return true;
  }
  return false;
}

}  // namespace skua::pm::cli

extern "C" {
// Runs `skua <command> args...` (argv[1] is the command); returns the exit code.
typedef int (*SkuaPmMainFn)(int argc, char** argv);
__attribute__((visibility("default"))) int SkuaPmMain(int argc, char** argv);
}

#endif  // SKUA_PM_CLI_PM_ENTRY_H_
