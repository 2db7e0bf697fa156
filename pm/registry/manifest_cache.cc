// Packument cache files: a small text header, a blank line, the body, the body's
// packument index, then padding.
//
//   skua-manifest-cache 3
//   url <url>
//   etag <etag>
//   last-modified <date>
//   max-age <seconds>
//   body <size> <8 hex digits of the body's CRC-32>
//   index <size> <8 hex digits of the index's CRC-32>
//   <empty line>
//   <body bytes><index bytes><kPackumentPadding spaces>
// The file name is a 64-bit hash of the kind and URL. The time of the last 200 or 304 is
// the file's mtime. The checksums are what let a reader trust a body without validating
// all of its JSON (ParsePackument reads version objects only when asked) and an index
// without parsing the body: damage is a miss. Files are mapped, not read: an install
// touches the bytes of the versions it reads (and the checksum pass), and a Packument
// keeps the mapping as its text.
#include "pm/registry/manifest_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
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

constexpr std::string_view kMagic = "skua-manifest-cache 3\n";
// Documents this large (about a tenth of those a React app resolves, but most of their
// bytes) have their pages released after the checksum pass.
constexpr size_t kReleaseAfterChecksum = 256 * 1024;

// A mapped file, unmapped with its last user.
struct Mapping {
  void* address = nullptr;
  size_t size = 0;
  ~Mapping() {
    if (address != nullptr) munmap(address, size);
  }
};

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

// "<size> <crc32 hex>", the header's description of a section.
bool ParseSection(std::string_view value, size_t* size, std::string_view* crc) {
  size_t space = value.find(' ');
  int64_t n = 0;
  if (space == std::string_view::npos || !ParseInt(value.substr(0, space), &n)) return false;
  *size = static_cast<size_t>(n);
  *crc = value.substr(space + 1);
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
    : root_(fsutil::JoinPath(cache_dir, "registry/v4")) {}

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
  if (fstat(fd, &st) != 0 || st.st_size <= 0) return std::nullopt;
  auto mapping = std::make_shared<Mapping>();
  mapping->size = static_cast<size_t>(st.st_size);
  void* address = mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (address == MAP_FAILED) return std::nullopt;
  mapping->address = address;
  std::string_view text(static_cast<const char*>(address), mapping->size);
  if (!text.starts_with(kMagic)) return std::nullopt;
  // The header is a few short lines; a longer one is not one Store wrote.
  size_t header_end = text.substr(0, 4096).find("\n\n");
  if (header_end == std::string_view::npos) return std::nullopt;
  CachedDocument document;
  size_t body_size = 0, index_size = 0;
  std::string_view body_crc, index_crc;
  bool have_body = false, have_index = false;
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
    else if (name == "body") have_body = ParseSection(value, &body_size, &body_crc);
    else if (name == "index") have_index = ParseSection(value, &index_size, &index_crc);
  }
  // A hash collision, or a file from another URL, is a miss.
  if (document.url != url || !have_body) return std::nullopt;
  const size_t body_start = header_end + 2;
  if (mapping->size - body_start < body_size + index_size + kPackumentPadding) return std::nullopt;
  std::string_view body = text.substr(body_start, body_size);
  if (body_crc != Crc32Hex(body)) return std::nullopt;
  if (have_index) {
    std::string_view index = text.substr(body_start + body_size, index_size);
    if (index_crc != Crc32Hex(index)) return std::nullopt;
    document.index = index;
  }
  // The checksum pass brought every page in; only the versions picked later are read
  // again, so the rest need not count against this process's memory (they stay in the
  // page cache, and a later read maps them back). Small documents stay: releasing pages
  // interrupts every other core (a TLB flush), which costs more than they weigh.
  if (mapping->size >= kReleaseAfterChecksum) madvise(address, mapping->size, MADV_DONTNEED);
  document.mapped = std::shared_ptr<const char>(std::move(mapping), body.data());
  document.mapped_size = body_size;
  return document;
}

Status ManifestCache::Store(const CachedDocument& document, std::string_view kind) const {
  std::string path = PathFor(document.url, kind);
  std::string text(kMagic);
  text += "url " + OneLine(document.url) + "\n";
  text += "etag " + OneLine(document.etag) + "\n";
  text += "last-modified " + OneLine(document.last_modified) + "\n";
  text += "max-age " + std::to_string(document.max_age) + "\n";
  std::string_view body = document.Body();
  text += "body " + std::to_string(body.size()) + " " + Crc32Hex(body) + "\n";
  if (!document.index.empty()) {
    text += "index " + std::to_string(document.index.size()) + " " + Crc32Hex(document.index) + "\n";
  }
  text += "\n";
  text += body;
  text += document.index;
  text.append(kPackumentPadding, ' ');
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
