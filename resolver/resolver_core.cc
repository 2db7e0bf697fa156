// Shared services of the resolver: conditions, builtins, realpath cache, package scopes;
// and the public Resolver facade.
#include "resolver/resolver_core.h"

#include <utility>

#include "resolver/path_util.h"

namespace skua::resolver {

namespace internal {

namespace {

std::vector<std::string> WithDefaults(std::string_view mode, const std::vector<std::string>& user) {
  // Node 20.20's default set: require(esm) is on, so "module-sync" is present, and addons
  // are allowed, so "node-addons" is too.
  std::vector<std::string> conditions = {"node", std::string(mode), "module-sync", "node-addons"};
  for (const std::string& c : user) conditions.push_back(c);
  return conditions;
}

}  // namespace

ResolverCore::ResolverCore(FileSystem& fs, ResolverOptions options)
    : fs_(fs),
      options_(std::move(options)),
      packages_(fs),
      cjs_conditions_(WithDefaults("require", options_.conditions)),
      esm_conditions_(WithDefaults("import", options_.conditions)),
      builtins_(options_.builtins.begin(), options_.builtins.end()),
      scheme_only_builtins_(options_.scheme_only_builtins.begin(),
                            options_.scheme_only_builtins.end()) {}

void ResolverCore::Trace(std::string step) {
  if (trace_ != nullptr) trace_->push_back(std::move(step));
}

FileKind ResolverCore::Stat(const std::string& path) { return fs_.Stat(path); }

std::string ResolverCore::RealPath(const std::string& path) {
  auto found = realpath_cache_.find(path);
  if (found != realpath_cache_.end()) return found->second;
  Result<std::string> real = fs_.RealPath(path);
  std::string result = real.ok() ? *real : path;
  realpath_cache_.emplace(path, result);
  return result;
}

bool ResolverCore::IsBuiltin(std::string_view id) const {
  return builtins_.count(std::string(id)) != 0;
}

bool ResolverCore::IsBuiltinWithScheme(std::string_view id) const {
  std::string key(id);
  return builtins_.count(key) != 0 || scheme_only_builtins_.count(key) != 0;
}

const PackageConfig* ResolverCore::ReadPackage(const std::string& path, PackageJsonError* error) {
  const PackageConfig* config = packages_.Read(path, error);
  if (config != nullptr && config->exists) Trace("read " + path);
  return config;
}

const PackageConfig* ResolverCore::ReadPackageScope(std::string_view file_path,
                                                    PackageJsonError* error) {
  std::string check(file_path);
  while (true) {
    size_t slash = check.rfind('/');
    if (slash == std::string::npos) return nullptr;
    check.resize(slash);
    // A package scope never extends above a node_modules folder.
    if (check.size() >= 13 && check.compare(check.size() - 13, 13, "/node_modules") == 0) {
      return nullptr;
    }
    const PackageConfig* config = ReadPackage(check + "/package.json", error);
    if (config == nullptr) return nullptr;
    if (config->exists) return config;
    if (slash == 0) return nullptr;
  }
}

ResolveOr<const PackageConfig*> ResolverCore::PackageScopeConfig(const FileUrl& url,
                                                                 const Base& base) {
  FileUrl json = ResolveFileUrl(url, "./package.json");
  while (true) {
    if (json.path.size() >= 25 &&
        json.path.compare(json.path.size() - 25, 25, "node_modules/package.json") == 0) {
      break;
    }
    std::string path = DecodeUrlPath(json.path);
    PackageJsonError error;
    const PackageConfig* config = ReadPackage(path, &error);
    if (config == nullptr) {
      // Node names the path being resolved here, not the importing module.
      return errors::InvalidPackageConfig(error.path, DecodeUrlPath(url.path), error.detail);
    }
    if (config->exists) return config;
    FileUrl parent = ResolveFileUrl(json, "../package.json");
    if (parent.path == json.path) break;
    json = parent;
  }
  return static_cast<const PackageConfig*>(nullptr);
}

}  // namespace internal

const char* ModuleFormatName(ModuleFormat format) {
  switch (format) {
    case ModuleFormat::kUnknown: return "";
    case ModuleFormat::kCommonJs: return "commonjs";
    case ModuleFormat::kModule: return "module";
    case ModuleFormat::kJson: return "json";
    case ModuleFormat::kWasm: return "wasm";
    case ModuleFormat::kAddon: return "addon";
    case ModuleFormat::kBuiltin: return "builtin";
  }
  return "";
}

Resolver::Resolver(FileSystem& fs, ResolverOptions options)
    : core_(std::make_unique<internal::ResolverCore>(fs, std::move(options))) {}

Resolver::~Resolver() = default;

ResolveOr<Resolution> Resolver::ResolveRequire(std::string_view specifier,
                                               std::string_view parent_path,
                                               const RequireOptions& extra) {
  return core_->ResolveRequire(specifier, parent_path, extra);
}

ResolveOr<ModuleFormat> Resolver::PackageScopeType(std::string_view file_path) {
  PackageJsonError error;
  const PackageConfig* scope = core_->ReadPackageScope(file_path, &error);
  if (scope == nullptr) {
    if (!error.path.empty()) return errors::InvalidPackageConfig(error.path, "", error.detail);
    return ModuleFormat::kUnknown;
  }
  switch (scope->type) {
    case PackageType::kModule: return ModuleFormat::kModule;
    case PackageType::kCommonJs: return ModuleFormat::kCommonJs;
    case PackageType::kNone: break;
  }
  return ModuleFormat::kUnknown;
}

std::optional<std::vector<std::string>> Resolver::RequireLookupPaths(std::string_view specifier,
                                                                     std::string_view parent_path) {
  return core_->LookupPaths(specifier, parent_path);
}

ResolveOr<Resolution> Resolver::ResolveImport(std::string_view specifier,
                                              std::string_view parent_url) {
  return core_->ResolveImport(specifier, parent_url);
}

std::vector<std::string> Resolver::NodeModulePaths(std::string_view dir) {
  std::string from = internal::ResolvePath("/", dir);
  if (from == "/") return {"/node_modules"};
  std::vector<std::string> paths;
  // Walk the components from the end; a component named node_modules adds nothing, so
  // `/a/node_modules/b` yields /a/node_modules/b/node_modules and /a/node_modules only.
  size_t end = from.size();
  while (end > 0) {
    size_t slash = from.rfind('/', end - 1);
    std::string_view component = std::string_view(from).substr(slash + 1, end - slash - 1);
    if (component != "node_modules") paths.push_back(from.substr(0, end) + "/node_modules");
    end = slash;
  }
  paths.push_back("/node_modules");
  return paths;
}

void Resolver::set_trace(std::vector<std::string>* trace) { core_->set_trace(trace); }

}  // namespace skua::resolver
