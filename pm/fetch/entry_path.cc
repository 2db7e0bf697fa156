// Tarball entry path sanitisation; see entry_path.h.
#include "pm/fetch/entry_path.h"

#include <vector>

namespace skua::pm::fetch {
namespace {

Status PathError(std::string_view raw, std::string_view why) {
  std::string message = "ETARPATH: refusing tarball entry \"";
  message += raw;
  message += "\": ";
  message += why;
  return InvalidArgument(std::move(message));
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

Result<std::string> SanitizeEntryPath(std::string_view raw, const PathLimits& limits) {
  if (raw.find('\0') != std::string_view::npos) return PathError(raw, "contains NUL");
  if (!raw.empty() && raw.front() == '/') return PathError(raw, "absolute path");
  if (raw.size() >= 2 && IsAsciiLetter(raw[0]) && raw[1] == ':') {
    return PathError(raw, "drive-letter path");
  }
  if (raw.size() >= 2 && raw[0] == '\\' && raw[1] == '\\') return PathError(raw, "UNC path");

  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= raw.size()) {
    size_t slash = raw.find('/', start);
    if (slash == std::string_view::npos) slash = raw.size();
    std::string_view segment = raw.substr(start, slash - start);
    start = slash + 1;
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") return PathError(raw, "contains a '..' segment");
    segments.push_back(segment);
  }
  // Strip exactly one leading component, whatever its name (`package/`, `node/`, ...).
  if (segments.size() <= 1) return std::string();
  if (segments.size() - 1 > limits.max_depth) return PathError(raw, "too deep");

  std::string out;
  for (size_t i = 1; i < segments.size(); ++i) {
    if (i > 1) out += '/';
    out += segments[i];
  }
  if (out.size() > limits.max_length) return PathError(raw, "path too long");
  return out;
}

}  // namespace skua::pm::fetch
