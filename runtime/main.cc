// The `skua` executable. Commands that run no JavaScript (--version, --help, and the
// package manager and resolver as they arrive) are served here without loading V8;
// everything else loads libskua_runtime.so from beside the executable and hands over.
#include <dlfcn.h>
#include <sys/stat.h>
#include <uv.h>

#include <climits>
#include <cstdio>
#include <string>
#include <vector>

#include "pm/cli/install_command.h"
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

std::string ExecutableDir() {
  char buf[PATH_MAX];
  size_t size = sizeof(buf);
  if (uv_exepath(buf, &size) != 0) return ".";
  std::string path(buf, size);
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

int RunJavaScript(int argc, char** argv) {
  std::string library = ExecutableDir() + "/libskua_runtime.so";
  void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    std::fprintf(stderr, "skua: cannot load the runtime: %s\n", dlerror());
    return 1;
  }
  auto entry = reinterpret_cast<SkuaRuntimeMainFn>(dlsym(handle, SKUA_RUNTIME_ENTRY_SYMBOL));
  if (entry == nullptr) {
    std::fprintf(stderr, "skua: %s does not export %s\n", library.c_str(),
                 SKUA_RUNTIME_ENTRY_SYMBOL);
    return 1;
  }
  return entry(argc, argv);
}

}  // namespace

int Main(int argc, char** argv) {
  // `skua resolve …` unless a script named "resolve" exists, which node would run.
  struct stat script;
  if (argc > 1 && std::string(argv[1]) == "resolve" && stat(argv[1], &script) != 0) {
    return resolver::cli::RunResolveCommand(std::vector<std::string>(argv + 2, argv + argc));
  }
  // The package manager's commands, on the same terms.
  if (argc > 1 && stat(argv[1], &script) != 0) {
    std::string command = argv[1];
    if (command == "install" || command == "i" || command == "ci") {
      return pm::cli::RunInstallCommand(command, std::vector<std::string>(argv + 2, argv + argc));
    }
  }
  Result<CliOptions> options = ParseCliOptions(std::vector<std::string>(argv + 1, argv + argc));
  if (!options.ok()) {
    std::fprintf(stderr, "%s: %s\n", argv[0], options.status().message().c_str());
    return 9;  // Node's exit code for an invalid argument.
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
