// package.json as module resolution reads it: name, main, type, exports, imports —
// parsed once per path and cached for the Resolver's lifetime (Node's package_json_reader).
#ifndef SKUA_RESOLVER_PACKAGE_JSON_H_
#define SKUA_RESOLVER_PACKAGE_JSON_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "resolver/file_system.h"
#include "resolver/json_value.h"

namespace skua::resolver {

enum class PackageType { kNone, kCommonJs, kModule };

struct PackageConfig {
  bool exists = false;
  std::string path;  // The package.json's path, also when it does not exist.
  std::optional<std::string> name;  // Only when a string, as Node checks.
  std::optional<std::string> main;  // Only when a string.
  PackageType type = PackageType::kNone;  // Unknown "type" values count as none.
  // Present when the key exists (JSON null included: Node's `!= null` checks see it).
  std::optional<JsonValue> exports;
  std::optional<JsonValue> imports;

  bool has_exports() const { return exports.has_value() && !exports->is_null(); }
  bool has_imports() const { return imports.has_value() && !imports->is_null(); }
};

// Why a package.json could not be used: the file and the parser's complaint. The caller
// turns it into Node's error for its mode (CommonJS "Error parsing …", ESM
// ERR_INVALID_PACKAGE_CONFIG).
struct PackageJsonError {
  std::string path;
  std::string detail;
};

class PackageJsonCache {
 public:
  explicit PackageJsonCache(FileSystem& fs) : fs_(fs) {}

  // Reads `package_json_path` (once). A missing or unreadable file gives exists=false;
  // bad JSON gives an error every time it is asked for, as Node re-throws each read.
  // Lifetime: the pointer stays valid as long as the cache.
  const PackageConfig* Read(const std::string& package_json_path, PackageJsonError* error);

  size_t size() const { return entries_.size(); }

 private:
  FileSystem& fs_;
  std::unordered_map<std::string, std::unique_ptr<PackageConfig>> entries_;
  std::unordered_map<std::string, std::string> failures_;
};

// Parses package.json text; exposed for tests. Returns false with `detail` on bad JSON.
bool ParsePackageJson(std::string_view text, PackageConfig* config, std::string* detail);

}  // namespace skua::resolver

#endif  // SKUA_RESOLVER_PACKAGE_JSON_H_
