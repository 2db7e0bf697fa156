// `skua trust PKG...` / `skua trust --all`: adds packages to package.json's
// `trustedDependencies` (bun's field; the file keeps its indentation and key order) and
// runs their skipped install scripts now. `skua untrusted` lists the installed packages
// whose install scripts were skipped: those with preinstall/install/postinstall scripts
// (or a binding.gyp) that no list allows or denies (script_policy.h) and that are not
// recorded in node_modules/.skua/built.
#ifndef SKUA_PM_CLI_TRUST_COMMAND_H_
#define SKUA_PM_CLI_TRUST_COMMAND_H_

#include <string>
#include <vector>

namespace skua::pm::cli {

// `command` is "trust" or "untrusted". Returns the exit code: 0; 1 for our errors (with
// package.json untouched); a failing script's own code.
int RunTrustCommand(const std::string& command, const std::vector<std::string>& args);

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_TRUST_COMMAND_H_
