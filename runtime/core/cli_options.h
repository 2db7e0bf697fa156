// The runtime's command line, parsed as Node 20 parses it:
//   skua [options] [script.js | -e CODE | -p CODE] [--] [arguments]
// Options before the script belong to the runtime (process.execArgv); everything from
// the script on belongs to it (process.argv). No V8 here, so it is unit-tested alone.
#ifndef SKUA_RUNTIME_CORE_CLI_OPTIONS_H_
#define SKUA_RUNTIME_CORE_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace skua {

struct CliOptions {
  std::vector<std::string> exec_argv;  // Runtime options exactly as given.
  std::vector<std::string> v8_flags;   // Options that go to V8 (--expose-gc, ...).
  std::optional<std::string> eval_source;  // -e / -p.
  bool print_eval_result = false;          // -p.
  std::string script;                      // Empty when there is none.
  std::vector<std::string> script_args;    // process.argv[2...] (or [1...] with -e).
  std::vector<std::string> preload;        // -r / --require.
  std::vector<std::string> conditions;     // --conditions / -C, for package "exports".
  std::string input_type;                  // --input-type: "", "commonjs" or "module".
  std::string unhandled_rejections;        // --unhandled-rejections mode; "" = throw.
  bool print_version = false;
  bool print_help = false;
  bool force_repl = false;  // -i.
  // --security-revert=CVE-…, checked by CheckSecurityReverts().
  std::vector<std::string> security_reverts;
};

// Parses argv[1..]. A bad option or a missing value is an InvalidArgument whose message
// is what Node prints (e.g. "bad option: --nope").
// Options that conflict (Node's CheckOptions) give one line each in the message.
Result<CliOptions> ParseCliOptions(const std::vector<std::string>& args);

// Node checks --security-revert after the options themselves and exits 12 on an unknown
// CVE; the message is what Node prints ("Error: Attempt to revert an unknown CVE [x]").
Status CheckSecurityReverts(const CliOptions& options);

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_CLI_OPTIONS_H_
