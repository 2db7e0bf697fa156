// Node-compatible command-line parsing for the runtime.
#include "runtime/core/cli_options.h"

#include <algorithm>
#include <string_view>

namespace skua {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Node options that skua accepts and does not act on yet; they stay in execArgv so
// scripts (and Node's test harness) see them.
// TODO(compat): implement each of these.
constexpr std::string_view kAcceptedFlags[] = {
    "--no-warnings", "--trace-warnings", "--no-deprecation", "--throw-deprecation",
    "--trace-deprecation", "--pending-deprecation", "--preserve-symlinks",
    "--preserve-symlinks-main", "--trace-uncaught", "--enable-source-maps",
    "--zero-fill-buffers", "--no-addons",
    "--insecure-http-parser", "--trace-exit", "--no-force-async-hooks-checks",
    "--expose-internals", "--frozen-intrinsics", "--disable-proto=delete",
    "--no-node-snapshot",
};

// Options that are V8's; they are passed through to V8 as given.
bool IsV8Flag(std::string_view arg) {
  constexpr std::string_view kPrefixes[] = {
      "--expose-gc", "--expose_gc", "--allow-natives-syntax", "--allow_natives_syntax",
      "--max-old-space-size", "--max_old_space_size", "--max-semi-space-size",
      "--stack-size", "--stack_size", "--harmony", "--no-harmony", "--jitless",
      "--stack-trace-limit", "--single-threaded", "--random-seed", "--gc-interval",
      "--no-opt", "--always-opt", "--predictable", "--trace-opt", "--trace-deopt",
      "--trace-gc", "--max-lazy", "--lazy", "--no-lazy", "--prof",
      "--abort-on-uncaught-exception", "--abort_on_uncaught_exception",
  };
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [arg](std::string_view p) { return StartsWith(arg, p); });
}

bool IsExperimentalFlag(std::string_view arg) {
  return StartsWith(arg, "--experimental-") || StartsWith(arg, "--no-experimental-");
}

// Options that take a value ("--opt value" or "--opt=value").
enum class ValueOption {
  kNone, kEval, kPrint, kRequire, kInputType, kUnhandled, kConditions, kIgnored,
};

ValueOption ClassifyValueOption(std::string_view name) {
  if (name == "-e" || name == "--eval") return ValueOption::kEval;
  if (name == "-p" || name == "--print" || name == "-pe") return ValueOption::kPrint;
  if (name == "-r" || name == "--require") return ValueOption::kRequire;
  if (name == "--input-type") return ValueOption::kInputType;
  if (name == "--unhandled-rejections") return ValueOption::kUnhandled;
  if (name == "--conditions" || name == "-C") return ValueOption::kConditions;
  // --title and --redirect-warnings are read back from execArgv by stdlib.
  if (name == "--import" || name == "--title" || name == "--redirect-warnings" ||
      name == "--loader" || name == "--experimental-loader" || name == "--env-file") {
    return ValueOption::kIgnored;  // TODO(compat): act on these.
  }
  return ValueOption::kNone;
}

}  // namespace

Result<CliOptions> ParseCliOptions(const std::vector<std::string>& args) {
  CliOptions options;
  size_t i = 0;
  for (; i < args.size(); i++) {
    const std::string& arg = args[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg.empty() || arg[0] != '-' || arg == "-") break;  // The script (or stdin).

    std::string name = arg;
    std::optional<std::string> value;
    size_t eq = arg.find('=');
    if (StartsWith(arg, "--") && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    ValueOption kind = ClassifyValueOption(name);
    if (kind != ValueOption::kNone) {
      options.exec_argv.push_back(arg);
      if (!value) {
        if (i + 1 >= args.size()) return InvalidArgument(name + " requires an argument");
        value = args[++i];
        options.exec_argv.push_back(*value);
      }
      switch (kind) {
        case ValueOption::kEval: options.eval_source = *value; break;
        case ValueOption::kPrint:
          options.eval_source = *value;
          options.print_eval_result = true;
          break;
        case ValueOption::kRequire: options.preload.push_back(*value); break;
        case ValueOption::kInputType:
          if (*value != "commonjs" && *value != "module") {
            return InvalidArgument("--input-type must be \"module\" or \"commonjs\"");
          }
          options.input_type = *value;
          break;
        case ValueOption::kUnhandled: options.unhandled_rejections = *value; break;
        case ValueOption::kConditions: options.conditions.push_back(*value); break;
        case ValueOption::kIgnored:
        case ValueOption::kNone: break;
      }
      continue;
    }
    if (arg == "-v" || arg == "--version") {
      options.print_version = true;
    } else if (arg == "-h" || arg == "--help") {
      options.print_help = true;
    } else if (arg == "-i" || arg == "--interactive") {
      options.force_repl = true;
    } else if (IsV8Flag(arg)) {
      options.v8_flags.push_back(arg);
    } else if (!IsExperimentalFlag(arg) &&
               std::find(std::begin(kAcceptedFlags), std::end(kAcceptedFlags), name) ==
                   std::end(kAcceptedFlags)) {
      return InvalidArgument("bad option: " + arg);
    }
    options.exec_argv.push_back(arg);
  }
  // With -e/-p every remaining argument is the script's; otherwise the first is the script.
  if (i < args.size() && !options.eval_source) options.script = args[i++];
  options.script_args.assign(args.begin() + static_cast<long>(i), args.end());
  return options;
}

}  // namespace skua
