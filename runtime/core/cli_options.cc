// Node-compatible command-line parsing for the runtime.
#include "runtime/core/cli_options.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
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
    "-c", "--check",  // Read back from execArgv by stdlib (internal/main/run_main.js).
};

// TLS and OpenSSL switches that stdlib reads back from execArgv (internal/tls/cli.js).
constexpr std::string_view kTlsFlags[] = {
    "--tls-min-v1.0", "--tls-min-v1.1", "--tls-min-v1.2", "--tls-min-v1.3",
    "--tls-max-v1.2", "--tls-max-v1.3", "--use-bundled-ca", "--use-openssl-ca",
    "--openssl-legacy-provider", "--openssl-shared-config",
};

bool Has(const std::vector<std::string>& argv, std::string_view flag) {
  return std::find(argv.begin(), argv.end(), flag) != argv.end();
}

bool IsPowerOfTwo(int64_t n) { return n > 0 && (n & (n - 1)) == 0; }

// Node's CheckOptions for the switches that can conflict: every problem found, one a line.
std::string CheckOptions(const CliOptions& options, int64_t secure_heap,
                         int64_t secure_heap_min) {
  std::string errors;
  auto add = [&errors](std::string_view line) {
    if (!errors.empty()) errors += '\n';
    errors += line;
  };
  if (Has(options.exec_argv, "--tls-min-v1.3") && Has(options.exec_argv, "--tls-max-v1.2")) {
    add("either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both");
  }
  if ((Has(options.exec_argv, "-c") || Has(options.exec_argv, "--check")) &&
      options.eval_source) {
    add("either --check or --eval can be used, not both");
  }
  if (Has(options.exec_argv, "--use-openssl-ca") && Has(options.exec_argv, "--use-bundled-ca")) {
    add("either --use-openssl-ca or --use-bundled-ca can be used, not both");
  }
  // As Node: a heap below 2 bytes means none; the minimum is clamped into [2, heap].
  if (secure_heap >= 2) {
    if (!IsPowerOfTwo(secure_heap)) add("--secure-heap must be a power of 2");
    int64_t min = std::min({secure_heap, secure_heap_min,
                            static_cast<int64_t>(std::numeric_limits<int>::max())});
    min = std::max<int64_t>(2, min);
    if (!IsPowerOfTwo(min)) add("--secure-heap-min must be a power of 2");
  }
  return errors;
}

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
      "--disallow-code-generation-from-strings",
  };
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes),
                     [arg](std::string_view p) { return StartsWith(arg, p); });
}

bool IsExperimentalFlag(std::string_view arg) {
  return StartsWith(arg, "--experimental-") || StartsWith(arg, "--no-experimental-");
}

// Options that take a value ("--opt value" or "--opt=value").
enum class ValueOption {
  kNone, kEval, kPrint, kRequire, kInputType, kUnhandled, kConditions, kSecureHeap,
  kSecureHeapMin, kSecurityRevert, kIgnored,
};

ValueOption ClassifyValueOption(std::string_view name) {
  if (name == "-e" || name == "--eval") return ValueOption::kEval;
  if (name == "-p" || name == "--print" || name == "-pe") return ValueOption::kPrint;
  if (name == "-r" || name == "--require") return ValueOption::kRequire;
  if (name == "--input-type") return ValueOption::kInputType;
  if (name == "--unhandled-rejections") return ValueOption::kUnhandled;
  if (name == "--conditions" || name == "-C") return ValueOption::kConditions;
  if (name == "--secure-heap") return ValueOption::kSecureHeap;
  if (name == "--secure-heap-min") return ValueOption::kSecureHeapMin;
  if (name == "--security-revert") return ValueOption::kSecurityRevert;
  // Read back from execArgv by stdlib (internal/tls/cli.js).
  if (name == "--tls-cipher-list" || name == "--tls-keylog" || name == "--openssl-config") {
    return ValueOption::kIgnored;
  }
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
  int64_t secure_heap = 0;
  int64_t secure_heap_min = 2;
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
        case ValueOption::kUnhandled:
          if (*value != "strict" && *value != "warn" && *value != "none" &&
              *value != "throw" && *value != "warn-with-error-code") {
            return InvalidArgument("invalid value for --unhandled-rejections");
          }
          options.unhandled_rejections = *value;
          break;
        case ValueOption::kConditions: options.conditions.push_back(*value); break;
        case ValueOption::kSecureHeap: secure_heap = std::atoll(value->c_str()); break;
        case ValueOption::kSecureHeapMin: secure_heap_min = std::atoll(value->c_str()); break;
        case ValueOption::kSecurityRevert: options.security_reverts.push_back(*value); break;
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
    } else if (arg == "--experimental-shadow-realm") {
      // As Node: ShadowRealm is V8's, behind its harmony flag.
      options.v8_flags.push_back("--harmony-shadow-realm");
    } else if (!IsExperimentalFlag(arg) &&
               std::find(std::begin(kAcceptedFlags), std::end(kAcceptedFlags), name) ==
                   std::end(kAcceptedFlags) &&
               std::find(std::begin(kTlsFlags), std::end(kTlsFlags), arg) ==
                   std::end(kTlsFlags)) {
      return InvalidArgument("bad option: " + arg);
    }
    options.exec_argv.push_back(arg);
  }
  std::string errors = CheckOptions(options, secure_heap, secure_heap_min);
  if (!errors.empty()) return InvalidArgument(errors);
  // With -e/-p every remaining argument is the script's; otherwise the first is the script.
  if (i < args.size() && !options.eval_source) options.script = args[i++];
  options.script_args.assign(args.begin() + static_cast<long>(i), args.end());
  return options;
}

Status CheckSecurityReverts(const CliOptions& options) {
  // Node 20.11.1 knows one: CVE-2023-46809 re-allows RSA PKCS#1 v1.5 decryption, which
  // skua never refused, so reverting it changes nothing here.
  for (const std::string& cve : options.security_reverts) {
    if (cve != "CVE-2023-46809") {
      return InvalidArgument("Error: Attempt to revert an unknown CVE [" + cve + "]");
    }
  }
  return Status::Ok();
}

}  // namespace skua
