// The resolver's machinery, shared by the CommonJS and ES module algorithms: caches,
// builtins, package scopes and the "exports"/"imports" target resolution. Each group of
// methods lives in its own .cc file (cjs_resolve.cc, esm_resolve.cc, package_exports.cc,
// resolver_core.cc) and mirrors one part of Node's lib/internal/modules.
#ifndef SKUA_RESOLVER_RESOLVER_CORE_H_
#define SKUA_RESOLVER_RESOLVER_CORE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "resolver/package_json.h"
#include "resolver/resolver.h"
#include "resolver/url_util.h"

namespace skua::resolver::internal {

// A URL produced by resolution: a file URL, or (from a bare "imports" target resolving
// to a builtin) an opaque href such as "node:fs".
struct UrlRef {
  FileUrl file;
  std::string other;

  bool is_file() const { return other.empty(); }
  std::string Href() const { return is_file() ? file.Href() : other; }
};

// PACKAGE_TARGET_RESOLVE's three outcomes: no matching condition (undefined), explicitly
// blocked (null), or a URL.
struct TargetResult {
  enum class State { kUndefined, kNull, kFound };
  State state = State::kUndefined;
  UrlRef url;
};

// Who is asking, for error messages: the importing file's path and URL, either empty
// when Node passes no base (CommonJS lookups in node_modules).
struct Base {
  std::string path;
  std::string href;
};

class ResolverCore {
 public:
  ResolverCore(FileSystem& fs, ResolverOptions options);

  // --- resolver_core.cc: shared services ---
  void Trace(std::string step);
  FileKind Stat(const std::string& path);
  // Realpath through the cache; the input itself when it cannot be resolved.
  std::string RealPath(const std::string& path);
  bool IsBuiltin(std::string_view id) const;  // Requirable without the scheme.
  bool IsBuiltinWithScheme(std::string_view id) const;  // Any id valid after "node:".
  // package.json at `path`; nullptr with `error` set for bad JSON.
  const PackageConfig* ReadPackage(const std::string& path, PackageJsonError* error);
  // CommonJS readPackageScope: nearest package.json above `file_path`, stopping at a
  // directory named node_modules. nullptr when none (or on error, with `error` set).
  const PackageConfig* ReadPackageScope(std::string_view file_path, PackageJsonError* error);
  // ESM getPackageScopeConfig for a file URL: the nearest package.json, or nullptr when
  // there is none. Bad JSON is ERR_INVALID_PACKAGE_CONFIG.
  ResolveOr<const PackageConfig*> PackageScopeConfig(const FileUrl& url, const Base& base);
  const std::vector<std::string>& cjs_conditions() const { return cjs_conditions_; }
  const std::vector<std::string>& esm_conditions() const { return esm_conditions_; }

  // --- package_exports.cc: PACKAGE_EXPORTS_RESOLVE / PACKAGE_IMPORTS_RESOLVE ---
  ResolveOr<UrlRef> PackageExportsResolve(const PackageConfig& pkg, std::string_view subpath,
                                          const Base& base,
                                          const std::vector<std::string>& conditions);
  ResolveOr<UrlRef> PackageImportsResolve(std::string_view name, const FileUrl& parent,
                                          const Base& base,
                                          const std::vector<std::string>& conditions);

  // --- esm_resolve.cc ---
  ResolveOr<Resolution> ResolveImport(std::string_view specifier, std::string_view parent_url);
  // PACKAGE_RESOLVE from a file URL (used by "imports" targets naming packages too).
  ResolveOr<UrlRef> PackageResolve(std::string_view specifier, const FileUrl& parent,
                                   const Base& base, const std::vector<std::string>& conditions);
  ModuleFormat EsmFileFormat(const FileUrl& url);

  // --- cjs_resolve.cc ---
  ResolveOr<Resolution> ResolveRequire(std::string_view request, std::string_view parent_path,
                                       const RequireOptions& extra);
  std::optional<std::vector<std::string>> LookupPaths(std::string_view request,
                                                      std::string_view parent_path);

  const ResolverOptions& options() const { return options_; }
  void set_trace(std::vector<std::string>* trace) { trace_ = trace; }

 private:
  // package_exports.cc helpers.
  ResolveOr<TargetResult> ResolveTarget(const PackageConfig& pkg, const JsonValue& target,
                                        std::string_view pattern_match, std::string_view key,
                                        const Base& base, bool pattern, bool is_imports,
                                        const std::vector<std::string>& conditions);
  ResolveOr<TargetResult> ResolveTargetString(const PackageConfig& pkg, const std::string& target,
                                              std::string_view pattern_match, std::string_view key,
                                              const Base& base, bool pattern, bool is_imports,
                                              const std::vector<std::string>& conditions);

  // esm_resolve.cc helpers.
  ResolveOr<UrlRef> ModuleResolve(std::string_view specifier, const FileUrl& parent,
                                  const Base& base);
  ResolveOr<UrlRef> LegacyMainResolve(const PackageConfig& pkg, const Base& base);
  ResolveOr<FileUrl> FinalizeResolution(const FileUrl& resolved, const Base& base);
  void AddCommonJsHint(ResolveError& error, std::string_view specifier, const FileUrl& parent);

  // cjs_resolve.cc helpers.
  ResolveOr<std::string> FindPath(std::string_view request, const std::vector<std::string>& paths);
  ResolveOr<std::string> FindPathUncached(std::string_view request, const std::vector<std::string>& paths,
                                          bool absolute);
  ResolveOr<std::string> ResolveExports(const std::string& nm_path, std::string_view request);
  ResolveOr<std::string> TryPackage(const std::string& request_path);
  std::string TryFile(const std::string& path);
  std::string TryExtensions(const std::string& base_path);
  ResolveOr<std::string> FinalizeEsmResolution(const UrlRef& resolved, std::string_view parent_path,
                                               const std::string& package_json);

  FileSystem& fs_;
  ResolverOptions options_;
  PackageJsonCache packages_;
  std::vector<std::string> cjs_conditions_;
  std::vector<std::string> esm_conditions_;
  std::unordered_set<std::string> builtins_;
  std::unordered_set<std::string> scheme_only_builtins_;
  std::unordered_map<std::string, std::string> realpath_cache_;
  std::unordered_map<std::string, std::string> path_cache_;  // Module._pathCache.
  std::vector<std::string>* trace_ = nullptr;
};

}  // namespace skua::resolver::internal

#endif  // SKUA_RESOLVER_RESOLVER_CORE_H_
