// Packument cache files: a small text header, a blank line, then the body.
//
//   skua-manifest-cache 1
//   url <url>
//   etag <etag>
//   last-modified <date>
//   max-age <seconds>
//   <empty line>
//   <body bytes>
// The time of the last 200 or 304 is the file's mtime.
#include "pm/registry/manifest_cache.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>

#include "base/encoding.h"
#include "pm/fsutil/fsutil.h"
#include "pm/registry/integrity.h"

namespace skua::pm::registry {
namespace {

constexpr std::string_view kMagic = "skua-manifest-cache 1\n";

bool ParseInt(std::string_view text, int64_t* out) {
  if (text.empty() || text.size() > 18) return false;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

// Header values are single lines; a server cannot smuggle a newline into the file.
std::string OneLine(std::string_view value) {
  std::string out(value);
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

int64_t ParseMaxAge(std::string_view cache_control) {
  int64_t max_age = 0;
  size_t pos = 0;
  while (pos < cache_control.size()) {
    size_t comma = cache_control.find(',', pos);
    if (comma == std::string_view::npos) comma = cache_control.size();
    std::string_view directive = cache_control.substr(pos, comma - pos);
    pos = comma + 1;
    while (!directive.empty() && directive.front() == ' ') directive.remove_prefix(1);
    while (!directive.empty() && directive.back() == ' ') directive.remove_suffix(1);
    if (directive == "no-cache" || directive == "no-store") return 0;
    if (directive.starts_with("max-age=")) {
      int64_t value = 0;
      if (ParseInt(directive.substr(8), &value)) max_age = value;
    }
  }
  return max_age;
}

ManifestCache::ManifestCache(std::string cache_dir)
    : root_(fsutil::JoinPath(cache_dir, "registry/v1")) {}

std::string ManifestCache::PathFor(std::string_view url, std::string_view kind) const {
  std::string key = std::string(kind) + "\n" + std::string(url);
  std::string digest = ComputeDigest(HashAlgorithm::kSha256, key);
  std::string hex(digest.size() * 2, '\0');
  encoding::HexEncode(reinterpret_cast<const uint8_t*>(digest.data()), digest.size(), hex.data());
  return root_ + "/" + hex.substr(0, 2) + "/" + hex.substr(2);
}

std::optional<CachedDocument> ManifestCache::Load(std::string_view url,
                                                  std::string_view kind) const {
  std::string path = PathFor(url, kind);
  Result<std::string> file = fsutil::ReadFile(path);
  if (!file.ok()) return std::nullopt;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return std::nullopt;
  std::string_view text = *file;
  if (!text.starts_with(kMagic)) return std::nullopt;
  size_t header_end = text.find("\n\n");
  if (header_end == std::string_view::npos) return std::nullopt;
  CachedDocument document;
  document.fetched_at = static_cast<int64_t>(st.st_mtim.tv_sec);
  std::string_view header = text.substr(kMagic.size(), header_end + 1 - kMagic.size());
  while (!header.empty()) {
    size_t eol = header.find('\n');
    std::string_view line = header.substr(0, eol);
    header.remove_prefix(eol + 1);
    size_t space = line.find(' ');
    std::string_view name = line.substr(0, space);
    std::string_view value = space == std::string_view::npos ? "" : line.substr(space + 1);
    if (name == "url") document.url = value;
    else if (name == "etag") document.etag = value;
    else if (name == "last-modified") document.last_modified = value;
    else if (name == "max-age" && !ParseInt(value, &document.max_age)) return std::nullopt;
  }
  // A hash collision, or a file from another URL, is a miss.
  if (document.url != url) return std::nullopt;
  document.body = std::move(file).value();
  document.body.erase(0, header_end + 2);
  return document;
}

Status ManifestCache::Store(const CachedDocument& document, std::string_view kind) const {
  std::string path = PathFor(document.url, kind);
  Status made = fsutil::MakeDirs(path.substr(0, path.find_last_of('/')));
  if (!made.ok()) return made;
  std::string text(kMagic);
  text += "url " + OneLine(document.url) + "\n";
  text += "etag " + OneLine(document.etag) + "\n";
  text += "last-modified " + OneLine(document.last_modified) + "\n";
  text += "max-age " + std::to_string(document.max_age) + "\n\n";
  text += document.body;
  Status written = fsutil::WriteFileAtomic(path, text);
  if (!written.ok()) return written;
  timespec times[2] = {{document.fetched_at, 0}, {document.fetched_at, 0}};
  if (utimensat(AT_FDCWD, path.c_str(), times, 0) != 0) {
    return fsutil::ErrnoStatus("utimensat", path, errno);
  }
  return Status::Ok();
}

Status ManifestCache::Touch(std::string_view url, std::string_view kind) const {
  std::string path = PathFor(url, kind);
  if (utimensat(AT_FDCWD, path.c_str(), nullptr, 0) != 0) {
    return fsutil::ErrnoStatus("utimensat", path, errno);
  }
  return Status::Ok();
}

}  // namespace skua::pm::registry
