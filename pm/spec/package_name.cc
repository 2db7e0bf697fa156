// validate-npm-package-name's checks, in its order, with its messages.
#include "pm/spec/package_name.h"

#include <algorithm>
#include <cstring>

namespace skua::pm::spec {

namespace {

// Node's core module names (as validate-npm-package-name lists them): a package may use
// one only with a warning.
constexpr std::string_view kBuiltins[] = {  // (Sized: most compares stop at the length.)
    "_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing",
    "_http_server", "_stream_duplex", "_stream_passthrough", "_stream_readable",
    "_stream_transform", "_stream_wrap", "_stream_writable", "_tls_common", "_tls_wrap",
    "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console",
    "constants", "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain",
    "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
    "inspector/promises", "module", "net", "os", "path", "path/posix", "path/win32",
    "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises",
    "repl", "stream", "stream/consumers", "stream/promises", "stream/web", "string_decoder",
    "sys", "timers", "timers/promises", "tls", "trace_events", "tty", "url", "util",
    "util/types", "v8", "vm", "wasi", "worker_threads", "zlib", "node:sea", "node:sqlite",
    "node:test", "node:test/reporters",
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsJsWhitespace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

bool IsUriComponentSafe(std::string_view s) {
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == '!' || c == '~' || c == '*' ||
              c == '\'' || c == '(' || c == ')';
    if (!ok) return false;
  }
  return true;
}

bool IsValidDependencyName(std::string_view name) {
  // ValidatePackageName's error rules, in its order.
  if (name.empty() || name[0] == '.' || name[0] == '-' || name[0] == '_') return false;
  if (IsJsWhitespace(name.front()) || IsJsWhitespace(name.back())) return false;
  if (name.size() == 12 || name.size() == 11) {
    std::string lower = Lower(name);
    if (lower == "node_modules" || lower == "favicon.ico") return false;
  }
  if (IsUriComponentSafe(name)) return true;
  size_t slash = name.find('/');
  if (name[0] != '@' || slash == std::string_view::npos || slash <= 1 ||
      name.find('/', slash + 1) != std::string_view::npos || slash + 1 >= name.size()) {
    return false;
  }
  std::string_view user = name.substr(1, slash - 1), pkg = name.substr(slash + 1);
  return pkg[0] != '.' && IsUriComponentSafe(user) && IsUriComponentSafe(pkg);
}

std::string_view ScopeOf(std::string_view name) {
  if (name.empty() || name[0] != '@') return {};
  size_t slash = name.find('/');
  return slash == std::string_view::npos ? std::string_view() : name.substr(0, slash);
}

std::string EscapedName(std::string_view name) {
  std::string out(name);
  size_t slash = out.find('/');
  if (slash != std::string::npos) out.replace(slash, 1, "%2f");
  return out;
}

NameValidation ValidatePackageName(std::string_view name) {
  NameValidation r;
  if (name.empty()) r.errors.push_back("name length must be greater than zero");
  if (!name.empty() && name[0] == '.') r.errors.push_back("name cannot start with a period");
  if (!name.empty() && name[0] == '-') r.errors.push_back("name cannot start with a hyphen");
  if (!name.empty() && name[0] == '_') r.errors.push_back("name cannot start with an underscore");
  // Differs from npm: only ASCII whitespace counts as leading/trailing space here; any
  // other whitespace still fails the URL-friendly check below.
  if (!name.empty() && (IsJsWhitespace(name.front()) || IsJsWhitespace(name.back()))) {
    r.errors.push_back("name cannot contain leading or trailing spaces");
  }
  std::string lower = Lower(name);
  for (const char* excluded : {"node_modules", "favicon.ico"}) {
    if (lower == excluded) r.errors.push_back(std::string(excluded) + " is not a valid package name");
  }
  if (std::find(std::begin(kBuiltins), std::end(kBuiltins), lower) != std::end(kBuiltins)) {
    r.warnings.push_back(std::string(name) + " is a core module name");
  }
  // JavaScript counts UTF-16 units; for the URL-safe names that pass, that is bytes.
  if (name.size() > 214) r.warnings.push_back("name can no longer contain more than 214 characters");
  if (lower != name) r.warnings.push_back("name can no longer contain capital letters");
  std::string_view last = name.substr(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1);
  if (last.find_first_of("~'!()*") != std::string_view::npos) {
    r.warnings.push_back("name can no longer contain special characters (\"~'!()*\")");
  }
  if (!IsUriComponentSafe(name)) {
    // Maybe a scoped name, `^(?:@([^/]+?)[/])?([^/]+?)$`.
    bool scoped_ok = false;
    if (!name.empty() && name[0] == '@') {
      size_t slash = name.find('/');
      if (slash != std::string_view::npos && slash > 1 &&
          name.find('/', slash + 1) == std::string_view::npos && slash + 1 < name.size()) {
        std::string_view user = name.substr(1, slash - 1), pkg = name.substr(slash + 1);
        if (pkg[0] == '.') r.errors.push_back("name cannot start with a period");
        scoped_ok = IsUriComponentSafe(user) && IsUriComponentSafe(pkg);
      }
    } else if (!name.empty() && name.find('/') == std::string_view::npos) {
      // The pattern's unscoped form matches; npm repeats the period check for it.
      if (name[0] == '.') r.errors.push_back("name cannot start with a period");
    }
    if (!scoped_ok) r.errors.push_back("name can only contain URL-friendly characters");
  }
  return r;
}

}  // namespace skua::pm::spec
