// Packument cache files: a small text header, a blank line, then the body.
//
//   skua-manifest-cache 2
//   url <url>
//   etag <etag>
//   last-modified <date>
//   max-age <seconds>
//   crc32 <8 hex digits of the body's CRC-32>
//   <empty line>
//   <body bytes>
// The file name is a 64-bit hash of the kind and URL. The time of the last 200 or 304 is
// the file's mtime. The checksum is what lets a reader trust a body without validating
// all of its JSON (ParsePackument reads version objects only when asked): a damaged body
// is a miss.
#include "pm/registry/manifest_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>

#include <libdeflate.h>

#include "pm/fsutil/fsutil.h"
#include "pm/registry/packument.h"

namespace skua::pm::registry {
namespace {

constexpr std::string_view kMagic = "skua-manifest-cache 2\n";

// pread(2) of exactly `size` bytes; false on an error or a file that ended sooner.
bool ReadAt(int fd, size_t offset, char* out, size_t size) {
  while (size > 0) {
    ssize_t n = pread(fd, out, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    offset += static_cast<size_t>(n);
    size -= static_cast<size_t>(n);
  }
  return true;
}

// The name of a cache file: FNV-1a over the key, finished with MurmurHash3's fmix64. Not
// cryptographic and need not be (Load checks the stored URL, so a collision is a miss); a
// SHA-256 here would open libcrypto in every install that reads the cache
// (pm/fetch/libcrypto_loader.h).
uint64_t KeyHash(std::string_view kind, std::string_view url) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto feed = [&h](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
  };
  feed(kind);
  feed("\n");
  feed(url);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::string Crc32Hex(std::string_view body) {
  char hex[9];
  std::snprintf(hex, sizeof(hex), "%08x", libdeflate_crc32(0, body.data(), body.size()));
  return hex;
}

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
    : root_(fsutil::JoinPath(cache_dir, "registry/v3")) {}

std::string ManifestCache::PathFor(std::string_view url, std::string_view kind) const {
  uint64_t hash = KeyHash(kind, url);
  char name[20];
  std::snprintf(name, sizeof(name), "%016llx", static_cast<unsigned long long>(hash));
  return root_ + "/" + name;
}

std::optional<CachedDocument> ManifestCache::Load(std::string_view url,
                                                  std::string_view kind) const {
  std::string path = PathFor(url, kind);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::optional<CachedDocument> document = Read(fd, url);
  close(fd);
  return document;
}

std::optional<CachedDocument> ManifestCache::Read(int fd, std::string_view url) const {
  struct stat st;
  if (fstat(fd, &st) != 0) return std::nullopt;
  const size_t file_size = static_cast<size_t>(st.st_size);
  // The header is a few short lines: read it, then the body straight into a string with
  // room for a parser's padding after it, which ParseOwnedPackument keeps without a copy.
  // A header longer than kHeadSize is not one Store wrote.
  constexpr size_t kHeadSize = 4096;
  std::string head(std::min(file_size, kHeadSize), '\0');
  if (!ReadAt(fd, 0, head.data(), head.size())) return std::nullopt;
  std::string_view text = head;
  if (!text.starts_with(kMagic)) return std::nullopt;
  size_t header_end = text.find("\n\n");
  if (header_end == std::string_view::npos) return std::nullopt;
  CachedDocument document;
  std::string_view crc;
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
    else if (name == "crc32") crc = value;
  }
  // A hash collision, or a file from another URL, is a miss.
  if (document.url != url) return std::nullopt;
  const size_t body_start = header_end + 2;
  const size_t read_with_head = text.size() - body_start;
  document.body.reserve(file_size - body_start + kPackumentPadding);
  document.body.append(text.substr(body_start));
  document.body.resize(file_size - body_start);
  if (!ReadAt(fd, body_start + read_with_head, document.body.data() + read_with_head,
              document.body.size() - read_with_head)) {
    return std::nullopt;
  }
  if (crc != Crc32Hex(document.body)) return std::nullopt;
  return document;
}

Status ManifestCache::Store(const CachedDocument& document, std::string_view kind) const {
  std::string path = PathFor(document.url, kind);
  std::string text(kMagic);
  text += "url " + OneLine(document.url) + "\n";
  text += "etag " + OneLine(document.etag) + "\n";
  text += "last-modified " + OneLine(document.last_modified) + "\n";
  text += "max-age " + std::to_string(document.max_age) + "\n";
  text += "crc32 " + Crc32Hex(document.body) + "\n\n";
  text += document.body;
  Status written = fsutil::WriteFileAtomic(path, text);
  if (!written.ok() && !fsutil::Exists(root_)) {  // The folder is made on first use.
    written = fsutil::MakeDirs(root_);
    if (written.ok()) written = fsutil::WriteFileAtomic(path, text);
  }
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
