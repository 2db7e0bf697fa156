// ES module resolution: ESM_RESOLVE of doc/api/esm.md as Node 20 implements it
// (lib/internal/modules/esm/resolve.js): URLs, relative and bare specifiers, package
// self-reference and node_modules lookup, the legacy "main" probe, finalization against
// the filesystem, and the "Did you mean" hints Node adds to not-found errors.
#include <cctype>
#include <string>

#include "resolver/path_util.h"
#include "resolver/resolver_core.h"

namespace skua::resolver::internal {

namespace {

bool TreatAsRelativeOrAbsolutePath(std::string_view specifier) {
  if (specifier.empty()) return false;
  return specifier[0] == '/' || IsRelativeRequest(specifier);
}

// The directory part of an encoded URL path, decoded: "/a/b/c.mjs" → "/a/b".
std::string ParentDirOf(const FileUrl& url) {
  std::string dir = DecodeUrlPath(url.path.substr(0, url.path.rfind('/')));
  return dir.empty() ? "/" : dir;
}

ModuleFormat FormatOfDataUrl(std::string_view url) {
  std::string_view body = url.substr(5);
  size_t end = body.find_first_of(";,");
  std::string mime(body.substr(0, end));
  for (char& c : mime) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (mime == "text/javascript" || mime == "application/javascript") return ModuleFormat::kModule;
  if (mime == "application/json") return ModuleFormat::kJson;
  return ModuleFormat::kUnknown;
}

// path.posix.relative for two absolute paths.
std::string RelativePosix(std::string_view from, std::string_view to) {
  std::string a = NormalizePath(from);
  std::string b = NormalizePath(to);
  if (a.size() > 1 && a.back() == '/') a.pop_back();
  if (b.size() > 1 && b.back() == '/') b.pop_back();
  if (a == b) return "";
  auto split = [](const std::string& p) {
    std::vector<std::string> parts;
    size_t start = 1;
    while (start < p.size()) {
      size_t end = p.find('/', start);
      if (end == std::string::npos) end = p.size();
      parts.push_back(p.substr(start, end - start));
      start = end + 1;
    }
    return parts;
  };
  std::vector<std::string> pa = split(a);
  std::vector<std::string> pb = split(b);
  size_t common = 0;
  while (common < pa.size() && common < pb.size() && pa[common] == pb[common]) ++common;
  std::string out;
  for (size_t i = common; i < pa.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < pb.size(); ++i) {
    if (!out.empty()) out += '/';
    out += pb[i];
  }
  return out;
}

// encodeURIComponent.
std::string EncodeUriComponent(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || std::string_view("-_.!~*'()").find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

ResolveOr<Resolution> ResolverCore::ResolveImport(std::string_view specifier,
                                                  std::string_view parent_url) {
  std::optional<FileUrl> parent = ParseFileUrl(parent_url);
  if (!parent) {
    ResolveError error;
    error.code = ErrorCode::kUnsupportedResolveRequest;
    error.message = "Failed to resolve module specifier \"" + std::string(specifier) + "\" from \"" +
                    std::string(parent_url) +
                    "\": Invalid relative URL or base scheme is not hierarchical.";
    return error;
  }
  Base base{DecodeUrlPath(parent->path), std::string(parent_url)};

  // URLs other than file: are resolved as they are; node: and data: are checked the way
  // the loader does, so callers see import()'s error rather than a later one.
  if (!TreatAsRelativeOrAbsolutePath(specifier)) {
    if (std::optional<std::string> scheme = UrlScheme(specifier)) {
      if (*scheme == "data") {
        return Resolution{Resolution::Kind::kUrl, "", std::string(specifier), FormatOfDataUrl(specifier)};
      }
      if (*scheme == "node") {
        std::string_view id = specifier.substr(5);
        if (!IsBuiltinWithScheme(id)) return errors::UnknownBuiltin(specifier);
        return Resolution{Resolution::Kind::kBuiltin, std::string(specifier), std::string(specifier),
                          ModuleFormat::kBuiltin};
      }
      if (*scheme != "file") return errors::UnsupportedEsmUrlScheme(*scheme);
    }
  }

  ResolveOr<UrlRef> resolved = ModuleResolve(specifier, *parent, base);
  if (!resolved.ok()) {
    ResolveError error = resolved.take_error();
    if (error.code == ErrorCode::kErrModuleNotFound || error.code == ErrorCode::kUnsupportedDirImport) {
      AddCommonJsHint(error, specifier, *parent);
    }
    return error;
  }
  if (!resolved->is_file()) {
    // A builtin reached through a bare specifier ("fs") or an "imports" target.
    std::string href = resolved->other;
    return Resolution{Resolution::Kind::kBuiltin, href, href, ModuleFormat::kBuiltin};
  }
  const FileUrl& url = resolved->file;
  Resolution result;
  result.kind = Resolution::Kind::kFile;
  result.path = DecodeUrlPath(url.path);
  result.url = url.Href();
  result.format = EsmFileFormat(url);
  return result;
}

ResolveOr<UrlRef> ResolverCore::ModuleResolve(std::string_view specifier, const FileUrl& parent,
                                              const Base& base) {
  UrlRef resolved;
  if (TreatAsRelativeOrAbsolutePath(specifier)) {
    resolved.file = ResolveFileUrl(parent, specifier);
  } else if (specifier[0] == '#') {
    ResolveOr<UrlRef> imported = PackageImportsResolve(specifier, parent, base, esm_conditions_);
    if (!imported.ok()) return imported;
    resolved = *imported;
  } else if (std::optional<FileUrl> file = ParseFileUrl(specifier)) {
    resolved.file = *file;
  } else if (UrlScheme(specifier)) {
    // file: URLs with a remote host are all that reaches here.
    ResolveError error;
    error.code = ErrorCode::kInvalidFileUrlPath;
    error.message = "File URL host must be \"localhost\" or empty on linux";
    return error;
  } else {
    ResolveOr<UrlRef> package = PackageResolve(specifier, parent, base, esm_conditions_);
    if (!package.ok()) return package;
    resolved = *package;
  }
  if (!resolved.is_file()) return resolved;
  ResolveOr<FileUrl> final_url = FinalizeResolution(resolved.file, base);
  if (!final_url.ok()) return final_url.take_error();
  return UrlRef{*final_url, {}};
}

ResolveOr<UrlRef> ResolverCore::PackageResolve(std::string_view specifier, const FileUrl& parent,
                                               const Base& base,
                                               const std::vector<std::string>& conditions) {
  if (IsBuiltin(specifier)) return UrlRef{{}, "node:" + std::string(specifier)};
  // parsePackageName: "@scope/name" takes two segments; names cannot start with '.' or
  // contain '%' or '\'.
  size_t separator = specifier.find('/');
  bool valid = true;
  if (!specifier.empty() && specifier[0] == '@') {
    if (separator == std::string_view::npos) {
      valid = false;
    } else {
      separator = specifier.find('/', separator + 1);
    }
  }
  std::string name(specifier.substr(0, separator));
  if ((!name.empty() && name[0] == '.') || name.find_first_of("%\\") != std::string::npos) valid = false;
  if (!valid) return errors::InvalidModuleSpecifier(specifier, "is not a valid package name", base.path);
  std::string subpath = "." + (separator == std::string_view::npos ? std::string()
                                                                   : std::string(specifier.substr(separator)));

  ResolveOr<const PackageConfig*> scope = PackageScopeConfig(parent, base);
  if (!scope.ok()) return scope.take_error();
  if (*scope != nullptr && (*scope)->has_exports() && (*scope)->name == name) {
    Trace("self-reference through " + (*scope)->path);
    return PackageExportsResolve(**scope, subpath, base, conditions);
  }

  // Unlike CommonJS, this walk also tries …/node_modules/node_modules.
  std::string dir = ParentDirOf(parent);
  while (true) {
    std::string package_dir = (dir == "/" ? "" : dir) + "/node_modules/" + name;
    if (Stat(package_dir) == FileKind::kDirectory) {
      std::string json_path = package_dir + "/package.json";
      PackageJsonError error;
      const PackageConfig* config = ReadPackage(json_path, &error);
      if (config == nullptr) {
        return errors::InvalidPackageConfig(error.path, "\"" + std::string(specifier) + "\" from " + base.path,
                                            error.detail);
      }
      if (config->has_exports()) return PackageExportsResolve(*config, subpath, base, conditions);
      if (subpath == ".") return LegacyMainResolve(*config, base);
      return UrlRef{ResolveFileUrl(FileUrlFromPath(json_path), subpath), {}};
    }
    Trace("no package at " + package_dir);
    if (dir == "/") break;
    dir = DirName(dir);
  }
  return errors::EsmPackageNotFound(name, base.path);
}

ResolveOr<UrlRef> ResolverCore::LegacyMainResolve(const PackageConfig& pkg, const Base& base) {
  // The CommonJS-like probe Node keeps for packages without "exports" (FSLegacyMainResolve).
  static constexpr const char* kMainSuffixes[] = {"", ".js", ".json", ".node", "/index.js",
                                                  "/index.json", "/index.node"};
  static constexpr const char* kIndexFiles[] = {"./index.js", "./index.json", "./index.node"};
  std::string package_dir = ResolvePath("/", DirName(pkg.path));
  FileUrl package_url = FileUrlFromPath(pkg.path);
  if (pkg.main.has_value()) {
    std::string initial = ResolvePath(package_dir, *pkg.main);
    for (const char* suffix : kMainSuffixes) {
      if (Stat(initial + suffix) == FileKind::kFile) {
        Trace("legacy main: " + initial + suffix);
        return UrlRef{ResolveFileUrl(package_url, "./" + *pkg.main + suffix), {}};
      }
    }
  }
  for (const char* index : kIndexFiles) {
    if (Stat(ResolvePath(package_dir, index)) == FileKind::kFile) {
      return UrlRef{ResolveFileUrl(package_url, index), {}};
    }
  }
  // Node builds the no-"main" name by concatenation, so "@sc/" shows as "@sc//index.js".
  std::string shown = pkg.main.has_value()
                          ? ResolvePath(package_dir, *pkg.main)
                          : pkg.path.substr(0, pkg.path.size() - 12) + "index.js";
  return errors::EsmPackageNotFound(shown, base.path);
}

ResolveOr<FileUrl> ResolverCore::FinalizeResolution(const FileUrl& resolved, const Base& base) {
  if (HasEncodedSeparator(resolved.path)) {
    return errors::InvalidModuleSpecifier(resolved.path, "must not include encoded \"/\" or \"\\\" characters",
                                          base.path);
  }
  std::string path = DecodeUrlPath(resolved.path);
  // Node 20 strips a trailing slash with `path.slice(-1)`, which keeps only the "/", so
  // every URL ending in '/' stats the root directory and reports a directory import.
  std::string stat_path = !path.empty() && path.back() == '/' ? "/" : path;
  FileKind kind = Stat(stat_path);
  Trace("stat " + stat_path);
  if (kind == FileKind::kDirectory) return errors::UnsupportedDirImport(path, base.path, resolved.Href());
  if (kind != FileKind::kFile) return errors::EsmModuleNotFound(path, base.path, resolved.Href());
  if (options_.preserve_symlinks) return resolved;
  std::string real = RealPath(path);
  if (path.back() == '/') real += '/';
  FileUrl out = FileUrlFromPath(real);
  out.search = resolved.search;
  out.hash = resolved.hash;
  return out;
}

void ResolverCore::AddCommonJsHint(ResolveError& error, std::string_view specifier,
                                   const FileUrl& parent) {
  std::string request(specifier);
  if (request.compare(0, 7, "file://") == 0) {
    std::optional<FileUrl> url = ParseFileUrl(request);
    if (!url) return;
    request = DecodeUrlPath(url->path);
  }
  // Node resolves with a parent that has no filename: no self-reference, no "imports",
  // and relative requests against the working directory.
  RequireOptions extra;
  bool relative = IsRelativeRequest(request);
  extra.paths = std::vector<std::string>{relative ? options_.cwd : ParentDirOf(parent)};
  std::vector<std::string>* saved_trace = trace_;
  trace_ = nullptr;
  ResolveOr<Resolution> found = ResolveRequire(request, "", extra);
  trace_ = saved_trace;
  if (!found.ok() || found->kind != Resolution::Kind::kFile) return;
  std::string hint = found->path;
  if (relative) {
    hint = RelativePosix(parent.path.substr(0, parent.path.rfind('/')), EncodePathForUrl(hint));
    if (hint.compare(0, 3, "../") != 0) hint = "./" + hint;
  } else if (!request.empty() && request[0] != '/' && request[0] != '.') {
    size_t slash = request.find('/');
    std::string package = request.substr(0, slash);
    std::string needle = "/node_modules/" + package + "/";
    size_t index = hint.rfind(needle);
    if (index != std::string::npos) {
      std::string rest = hint.substr(index + needle.size());
      std::string joined = package;
      size_t start = 0;
      while (true) {
        size_t end = rest.find('/', start);
        joined += "/" + EncodeUriComponent(rest.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
      }
      hint = joined;
    } else {
      hint = FileHrefFromPath(hint);
    }
  }
  if (hint == request) return;
  error.message += "\nDid you mean to import " + JsonQuote(hint) + "?";
}

ModuleFormat ResolverCore::EsmFileFormat(const FileUrl& url) {
  std::string path = DecodeUrlPath(url.path);
  std::string_view ext = ExtName(path);
  if (ext == ".mjs") return ModuleFormat::kModule;
  if (ext == ".cjs") return ModuleFormat::kCommonJs;
  if (ext == ".json") return ModuleFormat::kJson;
  if (ext == ".js" || ext.empty()) {
    ResolveOr<const PackageConfig*> scope = PackageScopeConfig(url, Base{});
    PackageType type = scope.ok() && *scope != nullptr ? (*scope)->type : PackageType::kNone;
    if (type == PackageType::kCommonJs) return ModuleFormat::kCommonJs;
    // Differs from Node 20: an extensionless file in a "module" scope starting with the
    // wasm magic is "wasm" in Node; skua does not read the file to check.
    if (type == PackageType::kModule) return ModuleFormat::kModule;
  }
  // .js without "type": decided by syntax detection at load; others fail at load.
  return ModuleFormat::kUnknown;
}

}  // namespace skua::resolver::internal
