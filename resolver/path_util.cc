// POSIX path helpers matching Node's path.posix.
#include "resolver/path_util.h"

#include <vector>

namespace skua::resolver::internal {

bool IsAbsolutePath(std::string_view path) { return !path.empty() && path[0] == '/'; }

std::string NormalizePath(std::string_view path) {
  if (path.empty()) return ".";
  bool absolute = path[0] == '/';
  bool trailing_slash = path.back() == '/';
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == ".") {
      // Skipped: empty segments come from `//`, `.` means "here".
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);  // A relative path keeps leading `..`; `/..` is `/`.
      }
    } else {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  if (out.empty()) return absolute ? "/" : ".";
  if (trailing_slash && out != "/") out += '/';
  return out;
}

std::string ResolvePath(std::string_view base, std::string_view path) {
  std::string joined;
  if (IsAbsolutePath(path)) {
    joined = std::string(path);
  } else {
    joined = std::string(base);
    joined += '/';
    joined += path;
  }
  std::string out = NormalizePath(joined);
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string DirName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string_view BaseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view ExtName(std::string_view path) {
  std::string_view base = BaseName(path);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return base.substr(dot);
}

bool IsRelativeRequest(std::string_view request) {
  if (request.empty() || request[0] != '.') return false;
  if (request.size() == 1 || request[1] == '/') return true;
  return request[1] == '.' && (request.size() == 2 || request[2] == '/');
}

}  // namespace skua::resolver::internal
