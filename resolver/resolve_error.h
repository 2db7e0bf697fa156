// How a resolution fails: Node's error code, Node's exact message, and the extra fields
// Node attaches (`url` for ESM not-found errors, `path` of the package.json concerned).
// ResolveOr<T> carries a value or a ResolveError, like base's Result<T> with richer errors.
#ifndef SKUA_RESOLVER_RESOLVE_ERROR_H_
#define SKUA_RESOLVER_RESOLVE_ERROR_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/check.h"
#include "base/status.h"

namespace skua::resolver {

enum class ErrorCode {
  kModuleNotFound,             // MODULE_NOT_FOUND (CommonJS).
  kErrModuleNotFound,          // ERR_MODULE_NOT_FOUND (ES modules).
  kPackagePathNotExported,     // ERR_PACKAGE_PATH_NOT_EXPORTED
  kUnsupportedDirImport,       // ERR_UNSUPPORTED_DIR_IMPORT
  kInvalidPackageTarget,       // ERR_INVALID_PACKAGE_TARGET
  kPackageImportNotDefined,    // ERR_PACKAGE_IMPORT_NOT_DEFINED
  kInvalidPackageConfig,       // ERR_INVALID_PACKAGE_CONFIG
  kInvalidModuleSpecifier,     // ERR_INVALID_MODULE_SPECIFIER
  kUnknownBuiltinModule,       // ERR_UNKNOWN_BUILTIN_MODULE
  kUnsupportedEsmUrlScheme,    // ERR_UNSUPPORTED_ESM_URL_SCHEME
  kUnsupportedResolveRequest,  // ERR_UNSUPPORTED_RESOLVE_REQUEST
  kInvalidFileUrlPath,         // ERR_INVALID_FILE_URL_PATH / _HOST
};

// Node's spelling: "MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED", ...
const char* ErrorCodeName(ErrorCode code);

struct ResolveError {
  ErrorCode code = ErrorCode::kModuleNotFound;
  std::string message;  // Node's message, byte for byte.
  std::string url;      // ERR_MODULE_NOT_FOUND / ERR_UNSUPPORTED_DIR_IMPORT: the URL tried.
  std::string path;     // The package.json involved, where Node sets `err.path`.
};

// For callers that speak base::Status (pm): coarse code, "CODE: message".
Status ToStatus(const ResolveError& error);

template <typename T>
class ResolveOr {
 public:
  ResolveOr(T value) : value_(std::move(value)) {}                // NOLINT: implicit.
  ResolveOr(ResolveError error) : error_(std::move(error)) {}    // NOLINT: implicit.

  bool ok() const { return value_.has_value(); }
  const ResolveError& error() const {
    CHECK(!ok());
    return error_;
  }
  ResolveError&& take_error() {
    CHECK(!ok());
    return std::move(error_);
  }
  const T& value() const& {
    CHECK(ok());
    return *value_;
  }
  T& value() & {
    CHECK(ok());
    return *value_;
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  ResolveError error_;
};

// Message builders, one per Node error constructor (lib/internal/errors.js). `base` is
// the importing file's path, or empty when Node passes none.
namespace errors {

ResolveError CjsNotFound(std::string_view request, std::string_view require_stack_top);
ResolveError CjsEsmNotFound(std::string_view request, std::string_view package_json);
ResolveError CjsInvalidMain(std::string_view filename, std::string_view package_json);
ResolveError EsmModuleNotFound(std::string_view path, std::string_view base, std::string url);
ResolveError EsmPackageNotFound(std::string_view name, std::string_view base);
ResolveError UnsupportedDirImport(std::string_view path, std::string_view base, std::string url);
ResolveError PackagePathNotExported(std::string_view package_dir, std::string_view subpath,
                                    std::string_view base);
ResolveError InvalidPackageTarget(std::string_view package_dir, std::string_view key,
                                  std::string_view target_text, bool target_is_string,
                                  bool is_imports, std::string_view base);
ResolveError ImportNotDefined(std::string_view specifier, std::string_view package_dir,
                              std::string_view base);
ResolveError InvalidModuleSpecifier(std::string_view request, std::string_view reason,
                                    std::string_view base);
ResolveError InvalidPackageConfig(std::string_view package_json, std::string_view base,
                                  std::string_view message);
ResolveError UnknownBuiltin(std::string_view specifier);
ResolveError UnsupportedEsmUrlScheme(std::string_view scheme);

}  // namespace errors
}  // namespace skua::resolver

#endif  // SKUA_RESOLVER_RESOLVE_ERROR_H_
