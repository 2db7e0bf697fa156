// skua's module resolver: Node 20's CommonJS `require` and ES module `import` resolution
// over a FileSystem, with no V8. One Resolver per process (or per test); it caches
// package.json files and realpaths, so it is not thread-safe.
//
// Rules:
// - Paths are absolute POSIX paths; URLs are file:/node:/data: hrefs.
// - Nothing here prints or throws; every failure is a ResolveError with Node's code and
//   message, so the runtime can raise exactly the error Node would.
// - The FileSystem must outlive the Resolver.
#ifndef SKUA_RESOLVER_RESOLVER_H_
#define SKUA_RESOLVER_RESOLVER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resolver/file_system.h"
#include "resolver/resolve_error.h"

namespace skua::resolver {

namespace internal {
class ResolverCore;
}

struct ResolverOptions {
  // User conditions (--conditions / -C), after Node's defaults ("node", "import" or
  // "require", "module-sync", "node-addons"); "default" always matches.
  std::vector<std::string> conditions;
  // --preserve-symlinks: keep the symlink path of a resolved file instead of its realpath.
  bool preserve_symlinks = false;
  // require.extensions keys in registration order; the CommonJS extension search tries
  // them in this order.
  std::vector<std::string> extensions = {".js", ".json", ".node"};
  // Module.globalPaths: NODE_PATH entries, then $HOME/.node_modules, $HOME/.node_libraries
  // and $PREFIX/lib/node — computed by the caller, which owns the environment.
  std::vector<std::string> global_paths;
  // Builtin ids that may be required without the node: prefix ("fs", "fs/promises").
  std::vector<std::string> builtins;
  // Builtin ids that exist only with the prefix ("test", "sea", "sqlite").
  std::vector<std::string> scheme_only_builtins;
  // The working directory: relative entries of `paths` and parent-less relative requests
  // resolve against it, as Node's path.resolve does with process.cwd().
  std::string cwd = "/";
};

enum class ModuleFormat { kUnknown, kCommonJs, kModule, kJson, kWasm, kAddon, kBuiltin };

// "commonjs", "module", "json", "wasm", "addon", "builtin"; "" for kUnknown (a .js file
// without a "type": the loader decides by syntax detection).
const char* ModuleFormatName(ModuleFormat format);

struct Resolution {
  enum class Kind { kFile, kBuiltin, kUrl };
  Kind kind = Kind::kFile;
  // kFile: the absolute path. kBuiltin: what require.resolve returns ("fs", "node:test").
  // kUrl: empty.
  std::string path;
  // ES modules: the URL import.meta.resolve returns (query and fragment kept), "node:fs" or
  // "data:…". CommonJS: the file URL of `path`, or "node:<id>" for builtins.
  std::string url;
  ModuleFormat format = ModuleFormat::kUnknown;
};

// The `extra` argument of ResolveRequire.
struct RequireOptions {
  // require.resolve(request, { paths }): search these instead of the parent's lookup paths.
  std::optional<std::vector<std::string>> paths;
  // require() rather than require.resolve(): an unknown "node:x" is
  // ERR_UNKNOWN_BUILTIN_MODULE instead of MODULE_NOT_FOUND (Module._load's check).
  bool for_load = false;
};

class Resolver {
 public:
  Resolver(FileSystem& fs, ResolverOptions options);
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // CommonJS: what `require.resolve(specifier)` returns inside the module at
  // `parent_path`. To resolve from a directory, pass "<dir>/noop.js" as createRequire
  // does for a path ending in '/'. An empty parent means "no parent" (like the REPL).
  ResolveOr<Resolution> ResolveRequire(std::string_view specifier, std::string_view parent_path,
                                       const RequireOptions& extra = {});

  // The "type" of the package scope of `file_path` (the nearest package.json above it, as
  // CommonJS's readPackageScope finds it): kModule, kCommonJs, or kUnknown when there is
  // none or it says neither. Decides whether a .js file is CommonJS or an ES module.
  ResolveOr<ModuleFormat> PackageScopeType(std::string_view file_path);

  // require.resolve.paths(specifier): the directories searched, nullopt for builtins.
  std::optional<std::vector<std::string>> RequireLookupPaths(std::string_view specifier,
                                                             std::string_view parent_path);

  // ES modules: what `import(specifier)` in the module at `parent_url` (a file: URL)
  // resolves to, with the format the loader will use. Errors are those of import(),
  // including the load-time URL-scheme and builtin checks.
  ResolveOr<Resolution> ResolveImport(std::string_view specifier, std::string_view parent_url);

  // Module._nodeModulePaths(dir): `dir/node_modules` and every ancestor's, never
  // `…/node_modules/node_modules`.
  static std::vector<std::string> NodeModulePaths(std::string_view dir);

  // For --explain: while set, each step tried (package.json read, exports key matched,
  // file probed) is appended to `trace`. Pass nullptr to stop.
  void set_trace(std::vector<std::string>* trace);

 private:
  std::unique_ptr<internal::ResolverCore> core_;
};

}  // namespace skua::resolver

#endif  // SKUA_RESOLVER_RESOLVER_H_
