// The on-disk packument cache: one file per (URL, document kind) below
// `<cache dir>/registry/v4/` (flat: one file named by a 64-bit hash), holding the response body and what revalidation needs
// (ETag, Last-Modified, when it was fetched, Cache-Control max-age).
//
// Rules: files are written whole through a temporary file and rename(2), so a reader sees
// an old or a new copy, never a torn one; an unreadable, truncated, damaged (the body's
// CRC-32 is checked) or foreign file reads as a miss (the caller fetches again), so a
// loaded body is one this cache stored. Several processes may share the folder. Loaded
// files are mapped: a file cut short in place while an install maps it would fault, so
// nothing may write these files except through rename (as Store does).
#ifndef SKUA_PM_REGISTRY_MANIFEST_CACHE_H_
#define SKUA_PM_REGISTRY_MANIFEST_CACHE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::pm::registry {

struct CachedDocument {
  std::string url;            // The request URL (without credentials).
  std::string etag;           // As the server sent it, quotes included.
  std::string last_modified;  // As the server sent it.
  int64_t fetched_at = 0;     // Unix seconds of the last 200 or 304 (the file's mtime).
  int64_t max_age = 0;        // Seconds the copy is fresh for; 0: always revalidate.
  std::string body;           // The decoded response body (to Store; Load maps it instead).
  // Packument::Index() of the body: stored after it, and given back by Load.
  std::string index;
  // A loaded body: the file is mapped, not read, and kPackumentPadding readable bytes
  // follow the body, so a Packument can keep and parse it in place.
  std::shared_ptr<const char> mapped;
  size_t mapped_size = 0;

  std::string_view Body() const { return mapped ? std::string_view(mapped.get(), mapped_size) : body; }
  bool IsFresh(int64_t now_unix_seconds) const {
    return max_age > 0 && now_unix_seconds - fetched_at < max_age;
  }
};

// `max-age` of a Cache-Control value, 0 for none or for `no-cache`/`no-store`.
int64_t ParseMaxAge(std::string_view cache_control);

class ManifestCache {
 public:
  // `cache_dir` is skua's cache folder (pm/store's ResolveCacheDir); created lazily.
  explicit ManifestCache(std::string cache_dir);

  // `kind` separates documents fetched with different Accept headers ("corgi", "full").
  std::optional<CachedDocument> Load(std::string_view url, std::string_view kind) const;
  Status Store(const CachedDocument& document, std::string_view kind) const;
  // Records a 304: the copy was confirmed now. Only the file's mtime changes, so a
  // revalidation costs one utimensat instead of rewriting the document.
  Status Touch(std::string_view url, std::string_view kind) const;

  std::string PathFor(std::string_view url, std::string_view kind) const;
  const std::string& root() const { return root_; }

 private:
  std::optional<CachedDocument> Read(int fd, std::string_view url) const;

  std::string root_;  // <cache_dir>/registry/v4
};

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_MANIFEST_CACHE_H_
