// CommonJS resolution: Module._resolveFilename of Node 20's
// lib/internal/modules/cjs/loader.js — builtins, "imports", self-reference, then
// _findPath over the lookup paths (exports of node_modules packages, files with the
// extension search, directories with "main" and index files).
#include <algorithm>
#include <string>

#include "resolver/path_util.h"
#include "resolver/resolver_core.h"

namespace skua::resolver::internal {

namespace {

// CommonJS keeps JSON.parse's error, prefixed; Node gives it no code, skua reports
// ERR_INVALID_PACKAGE_CONFIG so callers can tell it from a missing module.
ResolveError CjsPackageError(const PackageJsonError& error) {
  ResolveError e;
  e.code = ErrorCode::kInvalidPackageConfig;
  e.message = "Error parsing " + error.path + ": " + error.detail;
  e.path = error.path;
  return e;
}

// Node's trailing-slash test in _findPath: the request ends in '/', or in a '.' or '..'
// segment; such requests never match a file, only a directory.
bool HasTrailingSlash(std::string_view r) {
  if (r.empty()) return false;
  size_t n = r.size();
  if (r[n - 1] == '/') return true;
  if (r[n - 1] != '.') return false;
  if (n == 1 || r[n - 2] == '/') return true;
  return r[n - 2] == '.' && (n == 2 || r[n - 3] == '/');
}

bool NamePartOk(std::string_view text, size_t* end) {
  if (text.empty() || std::string_view("./\\%").find(text[0]) != std::string_view::npos) return false;
  size_t i = 0;
  while (i < text.size() && text[i] != '/') {
    if (text[i] == '\\' || text[i] == '%') return false;
    ++i;
  }
  *end = i;
  return true;
}

// EXPORTS_PATTERN of the loader: "name" or "@scope/name", then an optional "/…" expansion.
bool SplitPackageRequest(std::string_view request, std::string* name, std::string* expansion) {
  size_t end = 0;
  if (!request.empty() && request[0] == '@') {
    size_t slash = request.find('/');
    if (slash != std::string_view::npos && slash > 1 &&
        request.substr(1, slash - 1).find_first_of("\\%") == std::string_view::npos &&
        NamePartOk(request.substr(slash + 1), &end)) {
      *name = std::string(request.substr(0, slash + 1 + end));
      *expansion = std::string(request.substr(slash + 1 + end));
      return true;
    }
  }
  if (!NamePartOk(request, &end)) return false;
  *name = std::string(request.substr(0, end));
  *expansion = std::string(request.substr(end));
  return true;
}

}  // namespace

std::optional<std::vector<std::string>> ResolverCore::LookupPaths(std::string_view request,
                                                                  std::string_view parent_path) {
  if (request.substr(0, 5) == "node:" ? IsBuiltinWithScheme(request.substr(5)) : IsBuiltin(request)) {
    return std::nullopt;
  }
  bool module_lookup = request.empty() || request[0] != '.' ||
                       (request.size() > 1 && request[1] != '.' && request[1] != '/');
  if (module_lookup) {
    std::vector<std::string> paths;
    if (!parent_path.empty()) paths = Resolver::NodeModulePaths(DirName(parent_path));
    for (const std::string& global : options_.global_paths) paths.push_back(global);
    if (paths.empty()) return std::nullopt;
    return paths;
  }
  if (parent_path.empty()) return std::vector<std::string>{"."};
  return std::vector<std::string>{DirName(parent_path)};
}

ResolveOr<Resolution> ResolverCore::ResolveRequire(std::string_view request,
                                                   std::string_view parent_path,
                                                   const RequireOptions& extra) {
  auto builtin = [](std::string_view id, std::string_view shown) {
    return Resolution{Resolution::Kind::kBuiltin, std::string(shown), "node:" + std::string(id),
                      ModuleFormat::kBuiltin};
  };
  if (request.substr(0, 5) == "node:") {
    if (IsBuiltinWithScheme(request.substr(5))) return builtin(request.substr(5), request);
    if (extra.for_load) return errors::UnknownBuiltin(request);
  } else if (IsBuiltin(request)) {
    return builtin(request, request);
  }

  std::vector<std::string> paths;
  if (extra.paths.has_value()) {
    if (IsRelativeRequest(request)) {
      paths = *extra.paths;
    } else {
      for (const std::string& from : *extra.paths) {
        std::vector<std::string> lookup = Resolver::NodeModulePaths(ResolvePath(options_.cwd, from));
        lookup.insert(lookup.end(), options_.global_paths.begin(), options_.global_paths.end());
        for (std::string& dir : lookup) {
          if (std::find(paths.begin(), paths.end(), dir) == paths.end()) paths.push_back(std::move(dir));
        }
      }
    }
  } else if (std::optional<std::vector<std::string>> lookup = LookupPaths(request, parent_path)) {
    paths = std::move(*lookup);
  }

  std::string parent(parent_path);
  Base base{parent, parent.empty() ? "" : FileHrefFromPath(parent)};
  std::string filename;
  if (!parent.empty() && !request.empty() && request[0] == '#') {
    PackageJsonError json_error;
    const PackageConfig* scope = ReadPackageScope(parent, &json_error);
    if (scope == nullptr && !json_error.path.empty()) return CjsPackageError(json_error);
    if (scope != nullptr && scope->has_imports()) {
      ResolveOr<UrlRef> url = PackageImportsResolve(request, FileUrlFromPath(parent), base, cjs_conditions_);
      if (!url.ok()) {
        if (url.error().code == ErrorCode::kErrModuleNotFound) return errors::CjsEsmNotFound(request, "");
        return url.take_error();
      }
      ResolveOr<std::string> file = FinalizeEsmResolution(*url, parent, scope->path);
      if (!file.ok()) return file.take_error();
      filename = *file;
    }
  }
  if (filename.empty() && !parent.empty()) {
    // Self-reference: the nearest package.json names this package and has "exports".
    PackageJsonError json_error;
    const PackageConfig* scope = ReadPackageScope(parent, &json_error);
    if (scope == nullptr && !json_error.path.empty()) return CjsPackageError(json_error);
    if (scope != nullptr && scope->has_exports() && scope->name.has_value()) {
      const std::string& name = *scope->name;
      std::string expansion;
      bool self = false;
      if (request == name) {
        expansion = ".";
        self = true;
      } else if (request.size() > name.size() && request.substr(0, name.size()) == name &&
                 request[name.size()] == '/') {
        expansion = "." + std::string(request.substr(name.size()));
        self = true;
      }
      if (self) {
        Trace("self-reference through " + scope->path);
        ResolveOr<UrlRef> url = PackageExportsResolve(*scope, expansion, base, cjs_conditions_);
        if (!url.ok()) {
          if (url.error().code == ErrorCode::kErrModuleNotFound) return errors::CjsEsmNotFound(request, scope->path);
          return url.take_error();
        }
        ResolveOr<std::string> file = FinalizeEsmResolution(*url, parent, scope->path);
        if (!file.ok()) return file.take_error();
        filename = *file;
      }
    }
  }
  if (filename.empty()) {
    ResolveOr<std::string> found = FindPath(request, paths);
    if (!found.ok()) return found.take_error();
    filename = *found;
  }
  if (filename.empty()) return errors::CjsNotFound(request, parent);

  Resolution result;
  result.path = filename;
  result.url = FileHrefFromPath(filename);
  std::string_view ext = ExtName(filename);
  if (ext == ".json") {
    result.format = ModuleFormat::kJson;
  } else if (ext == ".node") {
    result.format = ModuleFormat::kAddon;
  } else if (ext == ".mjs") {
    result.format = ModuleFormat::kModule;
  } else if (ext == ".cjs") {
    result.format = ModuleFormat::kCommonJs;
  } else {
    // Other extensions load with the .js handler, which follows the package "type".
    PackageJsonError ignored;
    const PackageConfig* scope = ReadPackageScope(filename, &ignored);
    bool esm = scope != nullptr && scope->type == PackageType::kModule;
    result.format = esm ? ModuleFormat::kModule : ModuleFormat::kCommonJs;
  }
  return result;
}

ResolveOr<std::string> ResolverCore::FindPath(std::string_view request,
                                              const std::vector<std::string>& lookup) {
  bool absolute = IsAbsolutePath(request);
  std::vector<std::string> paths = absolute ? std::vector<std::string>{""} : lookup;
  if (paths.empty()) return std::string();
  // Module._pathCache: the same request over the same lookup paths gives the same file
  // for the life of the resolver (Node never invalidates it either).
  std::string cache_key(request);
  for (const std::string& dir : paths) {
    cache_key += '\0';
    cache_key += dir;
  }
  auto cached = path_cache_.find(cache_key);
  if (cached != path_cache_.end()) return cached->second;
  ResolveOr<std::string> found = FindPathUncached(request, paths, absolute);
  if (found.ok() && !found->empty()) path_cache_.emplace(std::move(cache_key), *found);
  return found;
}

ResolveOr<std::string> ResolverCore::FindPathUncached(std::string_view request,
                                                      const std::vector<std::string>& paths,
                                                      bool absolute) {
  bool trailing_slash = HasTrailingSlash(request);
  // Lookup directories that do not exist are skipped, except for requests that climb
  // out of them ("../x"), which may still land somewhere real.
  bool inside_path = !(IsRelativeRequest(request) && NormalizePath(request).compare(0, 2, "..") == 0);
  for (const std::string& cur : paths) {
    std::string cur_path = cur.empty() ? options_.cwd : ResolvePath(options_.cwd, cur);
    if (inside_path && !cur.empty() && Stat(cur_path) != FileKind::kDirectory) continue;
    if (!absolute) {
      ResolveOr<std::string> exported = ResolveExports(cur_path, request);
      if (!exported.ok() || !exported->empty()) return exported;
    }
    std::string base_path = ResolvePath(cur_path, request);
    FileKind kind = Stat(base_path);
    Trace("try " + base_path);
    std::string filename;
    if (!trailing_slash) {
      if (kind == FileKind::kFile) {
        filename = options_.preserve_symlinks ? base_path : RealPath(base_path);
      } else {
        filename = TryExtensions(base_path);
      }
    }
    if (filename.empty() && kind == FileKind::kDirectory) {
      ResolveOr<std::string> package = TryPackage(base_path);
      if (!package.ok()) return package;
      filename = *package;
    }
    if (!filename.empty()) return filename;
  }
  return std::string();
}

ResolveOr<std::string> ResolverCore::ResolveExports(const std::string& nm_path,
                                                    std::string_view request) {
  std::string name;
  std::string expansion;
  if (!SplitPackageRequest(request, &name, &expansion)) return std::string();
  std::string package_dir = ResolvePath(nm_path, name);
  std::string json_path = package_dir + "/package.json";
  PackageJsonError json_error;
  const PackageConfig* pkg = ReadPackage(json_path, &json_error);
  if (pkg == nullptr) return CjsPackageError(json_error);
  if (!pkg->exists || !pkg->has_exports()) return std::string();
  ResolveOr<UrlRef> url = PackageExportsResolve(*pkg, "." + expansion, Base{}, cjs_conditions_);
  if (!url.ok()) {
    if (url.error().code == ErrorCode::kErrModuleNotFound) return errors::CjsEsmNotFound(request, json_path);
    return url.take_error();
  }
  return FinalizeEsmResolution(*url, "", json_path);
}

ResolveOr<std::string> ResolverCore::FinalizeEsmResolution(const UrlRef& resolved,
                                                           std::string_view parent_path,
                                                           const std::string& package_json) {
  if (!resolved.is_file()) {
    // An "imports" target naming a builtin: Node's fileURLToPath rejects the node: URL.
    ResolveError error;
    error.code = ErrorCode::kInvalidFileUrlPath;
    error.message = "The URL must be of scheme file";
    return error;
  }
  std::string href = resolved.file.Href();
  if (HasEncodedSeparator(href)) {
    return errors::InvalidModuleSpecifier(href, "must not include encoded \"/\" or \"\\\" characters",
                                          parent_path);
  }
  std::string filename = DecodeUrlPath(resolved.file.path);
  std::string actual = TryFile(filename);
  if (!actual.empty()) return actual;
  return errors::CjsEsmNotFound(filename, package_json);
}

ResolveOr<std::string> ResolverCore::TryPackage(const std::string& request_path) {
  std::string json_path = request_path + "/package.json";
  PackageJsonError json_error;
  const PackageConfig* pkg = ReadPackage(json_path, &json_error);
  if (pkg == nullptr) return CjsPackageError(json_error);
  if (!pkg->main.has_value() || pkg->main->empty()) {
    return TryExtensions(ResolvePath(request_path, "index"));
  }
  std::string filename = ResolvePath(request_path, *pkg->main);
  std::string actual = TryFile(filename);
  if (actual.empty()) actual = TryExtensions(filename);
  if (actual.empty()) actual = TryExtensions(ResolvePath(filename, "index"));
  if (actual.empty()) {
    actual = TryExtensions(ResolvePath(request_path, "index"));
    if (actual.empty()) return errors::CjsInvalidMain(filename, json_path);
    // Node warns here (DEP0128: invalid "main" falling back to index).
    Trace("warning DEP0128: invalid \"main\" in " + json_path + ", using " + actual);
  }
  return actual;
}

std::string ResolverCore::TryFile(const std::string& path) {
  if (Stat(path) != FileKind::kFile) return std::string();
  return options_.preserve_symlinks ? ResolvePath("/", path) : RealPath(path);
}

std::string ResolverCore::TryExtensions(const std::string& base_path) {
  for (const std::string& ext : options_.extensions) {
    std::string filename = TryFile(base_path + ext);
    if (!filename.empty()) return filename;
  }
  return std::string();
}

}  // namespace skua::resolver::internal
