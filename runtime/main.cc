// The `skua` executable. Commands that run no JavaScript (--version, --help, and the
// package manager and resolver as they arrive) are served here without loading V8;
// everything else loads libskua_runtime.so from beside the executable and hands over.
#include <dlfcn.h>
#include <sys/stat.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "pm/cli/install_inputs.h"
#include "pm/cli/pm_entry.h"
#include "pm/cli/run_command.h"
#include "pm/fsutil/fsutil.h"
#include "resolver/cli/resolve_command.h"
#include "runtime/core/cli_options.h"
#include "runtime/core/runtime_entry.h"
#include "runtime/core/version.h"

namespace skua {

namespace {

constexpr char kUsage[] =
    "Usage: skua [options] [ script.js ] [arguments]\n"
    "       skua -e CODE | -p CODE [arguments]\n"
    "\n"
    "skua " SKUA_VERSION ": a Node.js-compatible JavaScript runtime (Node.js " SKUA_NODE_VERSION
    " API).\n"
    "\n"
    "Options:\n"
    "  -e, --eval CODE       evaluate CODE as a script\n"
    "  -p, --print CODE      evaluate CODE and print the result\n"
    "  -r, --require MODULE  preload MODULE\n"
    "  -v, --version         print the Node.js version skua implements\n"
    "  -h, --help            print this help\n"
    "  --                    end of options; the next argument is the script\n"
    "\n"
    "V8 options such as --expose-gc and --max-old-space-size=MB are passed to V8.\n";

// The folder of the running executable, from /proc/self/exe rather than libuv's
// uv_exepath (the same read on Linux): the executable then needs no libuv, one library
// fewer to load for every command that runs no JavaScript.
std::string ExecutableDir() {
  std::string path = pm::fsutil::ExecutablePath();
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

// Loads `library` from beside the executable and returns its `symbol`, or nullptr after
// saying why.
void* LoadEntry(const char* library_name, const char* symbol) {
  std::string library = ExecutableDir() + "/" + library_name;
  void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    std::fprintf(stderr, "skua: cannot load %s: %s\n", library.c_str(), dlerror());
    return nullptr;
  }
  void* entry = dlsym(handle, symbol);
  if (entry == nullptr) {
    std::fprintf(stderr, "skua: %s does not export %s\n", library.c_str(), symbol);
  }
  return entry;
}

int RunJavaScript(int argc, char** argv) {
  auto entry = reinterpret_cast<SkuaRuntimeMainFn>(
      LoadEntry("libskua_runtime.so", SKUA_RUNTIME_ENTRY_SYMBOL));
  return entry == nullptr ? 1 : entry(argc, argv);
}

int RunPackageManager(int argc, char** argv) {
  auto entry = reinterpret_cast<SkuaPmMainFn>(LoadEntry("libskua_pm.so", SKUA_PM_ENTRY_SYMBOL));
  return entry == nullptr ? 1 : entry(argc, argv);
}

// Node prints each command-line error on its own line, after the program's name.
void PrintErrorLines(const char* program, const std::string& message) {
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    std::fprintf(stderr, "%s: %.*s\n", program, static_cast<int>(end - start),
                 message.data() + start);
    start = end + 1;
  }
}

}  // namespace

int Main(int argc, char** argv) {
  // `skua resolve …` unless a script named "resolve" exists, which node would run.
  struct stat script;
  if (argc > 1 && std::string(argv[1]) == "resolve" && stat(argv[1], &script) != 0) {
    return resolver::cli::RunResolveCommand(std::vector<std::string>(argv + 2, argv + argc));
  }
  // `skua run` and its shorthands are linked in: a script starts without libskua_pm.so.
  // A folder named like the command (a project's test/) does not count as a script.
  if (argc > 1 && pm::cli::IsRunCommand(argv[1]) &&
      (stat(argv[1], &script) != 0 || S_ISDIR(script.st_mode))) {
    return pm::cli::RunRunCommand(argv[1], std::vector<std::string>(argv + 2, argv + argc));
  }
  // The package manager's commands, on the same terms. A no-op `skua install` is
  // answered here: the stamp check needs none of libskua_pm.so's ~45 libraries.
  if (argc > 1 && stat(argv[1], &script) != 0 && pm::cli::IsPackageManagerCommand(argv[1])) {
    std::optional<int> no_op =
        pm::cli::TryNoOpInstall(argv[1], std::vector<std::string>(argv + 2, argv + argc));
    return no_op ? *no_op : RunPackageManager(argc, argv);
  }
  Result<CliOptions> options = ParseCliOptions(std::vector<std::string>(argv + 1, argv + argc));
  if (!options.ok()) {
    PrintErrorLines(argv[0], options.status().message());
    return 9;  // Node's exit code for an invalid argument.
  }
  if (Status reverts = CheckSecurityReverts(*options); !reverts.ok()) {
    PrintErrorLines(argv[0], reverts.message());
    return 12;  // Node's exit code for a bad --security-revert.
  }
  if (options->print_version) {
    std::puts(SKUA_NODE_VERSION);
    return 0;
  }
  if (options->print_help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  return RunJavaScript(argc, argv);
}

}  // namespace skua

int main(int argc, char** argv) { return skua::Main(argc, argv); }
