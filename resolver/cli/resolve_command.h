// `skua resolve`: resolves module specifiers the way Node 20 would, without running
// JavaScript — a CI tool for checking that imports resolve (and why they do not).
//
//   skua resolve SPEC [--from DIR|FILE] [--conditions a,b] [-C cond] [--esm|--cjs]
//                     [--json] [--explain] [--preserve-symlinks]
//   skua resolve --batch FILE|- [same options]   (one specifier per line, or a JSON list)
//
// Prints the resolved path (or builtin id); on failure prints Node's error code and
// message to stderr and returns 1 (2 for bad usage).
#ifndef SKUA_RESOLVER_CLI_RESOLVE_COMMAND_H_
#define SKUA_RESOLVER_CLI_RESOLVE_COMMAND_H_

#include <string>
#include <vector>

namespace skua::resolver::cli {

// `args` are the arguments after "resolve". Writes to stdout/stderr; returns the exit code.
int RunResolveCommand(const std::vector<std::string>& args);

}  // namespace skua::resolver::cli

#endif  // SKUA_RESOLVER_CLI_RESOLVE_COMMAND_H_
