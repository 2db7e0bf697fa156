// Node's error codes and message templates for module resolution (Node 20.20).
#include "resolver/resolve_error.h"

#include "resolver/json_value.h"

namespace skua::resolver {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kModuleNotFound: return "MODULE_NOT_FOUND";
    case ErrorCode::kErrModuleNotFound: return "ERR_MODULE_NOT_FOUND";
    case ErrorCode::kPackagePathNotExported: return "ERR_PACKAGE_PATH_NOT_EXPORTED";
    case ErrorCode::kUnsupportedDirImport: return "ERR_UNSUPPORTED_DIR_IMPORT";
    case ErrorCode::kInvalidPackageTarget: return "ERR_INVALID_PACKAGE_TARGET";
    case ErrorCode::kPackageImportNotDefined: return "ERR_PACKAGE_IMPORT_NOT_DEFINED";
    case ErrorCode::kInvalidPackageConfig: return "ERR_INVALID_PACKAGE_CONFIG";
    case ErrorCode::kInvalidModuleSpecifier: return "ERR_INVALID_MODULE_SPECIFIER";
    case ErrorCode::kUnknownBuiltinModule: return "ERR_UNKNOWN_BUILTIN_MODULE";
    case ErrorCode::kUnsupportedEsmUrlScheme: return "ERR_UNSUPPORTED_ESM_URL_SCHEME";
    case ErrorCode::kUnsupportedResolveRequest: return "ERR_UNSUPPORTED_RESOLVE_REQUEST";
    case ErrorCode::kInvalidFileUrlPath: return "ERR_INVALID_FILE_URL_PATH";
  }
  return "MODULE_NOT_FOUND";
}

Status ToStatus(const ResolveError& error) {
  StatusCode code = StatusCode::kInvalidArgument;
  if (error.code == ErrorCode::kModuleNotFound || error.code == ErrorCode::kErrModuleNotFound ||
      error.code == ErrorCode::kPackagePathNotExported ||
      error.code == ErrorCode::kPackageImportNotDefined ||
      error.code == ErrorCode::kUnknownBuiltinModule) {
    code = StatusCode::kNotFound;
  } else if (error.code == ErrorCode::kUnsupportedEsmUrlScheme ||
             error.code == ErrorCode::kUnsupportedDirImport) {
    code = StatusCode::kUnimplemented;
  }
  return Status(code, std::string(ErrorCodeName(error.code)) + ": " + error.message);
}

namespace errors {

namespace {

ResolveError Make(ErrorCode code, std::string message) {
  ResolveError e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

std::string ImportedFrom(std::string_view base) {
  return base.empty() ? std::string() : " imported from " + std::string(base);
}

}  // namespace

ResolveError CjsNotFound(std::string_view request, std::string_view require_stack_top) {
  std::string message = "Cannot find module '" + std::string(request) + "'";
  if (!require_stack_top.empty()) {
    message += "\nRequire stack:\n- " + std::string(require_stack_top);
  }
  return Make(ErrorCode::kModuleNotFound, std::move(message));
}

ResolveError CjsEsmNotFound(std::string_view request, std::string_view package_json) {
  ResolveError e = Make(ErrorCode::kModuleNotFound, "Cannot find module '" + std::string(request) + "'");
  e.path = std::string(package_json);
  return e;
}

ResolveError CjsInvalidMain(std::string_view filename, std::string_view package_json) {
  ResolveError e = Make(ErrorCode::kModuleNotFound,
                        "Cannot find module '" + std::string(filename) +
                            "'. Please verify that the package.json has a valid \"main\" entry");
  e.path = std::string(package_json);
  return e;
}

ResolveError EsmModuleNotFound(std::string_view path, std::string_view base, std::string url) {
  ResolveError e = Make(ErrorCode::kErrModuleNotFound, "Cannot find module '" + std::string(path) +
                                                           "' imported from " + std::string(base));
  e.url = std::move(url);
  return e;
}

ResolveError EsmPackageNotFound(std::string_view name, std::string_view base) {
  return Make(ErrorCode::kErrModuleNotFound,
              "Cannot find package '" + std::string(name) + "' imported from " + std::string(base));
}

ResolveError UnsupportedDirImport(std::string_view path, std::string_view base, std::string url) {
  ResolveError e = Make(ErrorCode::kUnsupportedDirImport,
                        "Directory import '" + std::string(path) +
                            "' is not supported resolving ES modules imported from " +
                            std::string(base));
  e.url = std::move(url);
  return e;
}

ResolveError PackagePathNotExported(std::string_view package_dir, std::string_view subpath,
                                    std::string_view base) {
  if (subpath == ".") {
    return Make(ErrorCode::kPackagePathNotExported,
                "No \"exports\" main defined in " + std::string(package_dir) + "package.json" +
                    ImportedFrom(base));
  }
  return Make(ErrorCode::kPackagePathNotExported,
              "Package subpath '" + std::string(subpath) + "' is not defined by \"exports\" in " +
                  std::string(package_dir) + "package.json" + ImportedFrom(base));
}

ResolveError InvalidPackageTarget(std::string_view package_dir, std::string_view key,
                                  std::string_view target_text, bool target_is_string,
                                  bool is_imports, std::string_view base) {
  // Node appends the "./" hint only for non-empty string exports targets; `target_text` is
  // the raw string for strings and JSON for everything else.
  bool rel_error = target_is_string && !is_imports && !target_text.empty() &&
                   target_text.substr(0, 2) != "./";
  std::string shown = target_is_string ? JsonQuote(target_text) : std::string(target_text);
  std::string message;
  if (key == ".") {
    message = "Invalid \"exports\" main target " + shown + " defined in the package config " +
              std::string(package_dir) + "package.json";
  } else {
    message = std::string("Invalid \"") + (is_imports ? "imports" : "exports") + "\" target " +
              shown + " defined for '" + std::string(key) + "' in the package config " +
              std::string(package_dir) + "package.json";
  }
  message += ImportedFrom(base);
  if (rel_error) message += "; targets must start with \"./\"";
  return Make(ErrorCode::kInvalidPackageTarget, std::move(message));
}

ResolveError ImportNotDefined(std::string_view specifier, std::string_view package_dir,
                              std::string_view base) {
  std::string message = "Package import specifier \"" + std::string(specifier) + "\" is not defined";
  if (!package_dir.empty()) message += " in package " + std::string(package_dir) + "package.json";
  message += " imported from " + std::string(base);
  return Make(ErrorCode::kPackageImportNotDefined, std::move(message));
}

ResolveError InvalidModuleSpecifier(std::string_view request, std::string_view reason,
                                    std::string_view base) {
  return Make(ErrorCode::kInvalidModuleSpecifier, "Invalid module \"" + std::string(request) +
                                                      "\" " + std::string(reason) + ImportedFrom(base));
}

ResolveError InvalidPackageConfig(std::string_view package_json, std::string_view base,
                                  std::string_view message) {
  std::string text = "Invalid package config " + std::string(package_json);
  if (!base.empty()) text += " while importing " + std::string(base);
  if (!message.empty()) text += ". " + std::string(message);
  ResolveError e = Make(ErrorCode::kInvalidPackageConfig, std::move(text));
  e.path = std::string(package_json);
  return e;
}

ResolveError UnknownBuiltin(std::string_view specifier) {
  return Make(ErrorCode::kUnknownBuiltinModule, "No such built-in module: " + std::string(specifier));
}

ResolveError UnsupportedEsmUrlScheme(std::string_view scheme) {
  return Make(ErrorCode::kUnsupportedEsmUrlScheme,
              "Only URLs with a scheme in: file, data, and node are supported by the default "
              "ESM loader. Received protocol '" +
                  std::string(scheme) + ":'");
}

}  // namespace errors
}  // namespace skua::resolver
