// The slice of the WHATWG URL standard that ES module resolution needs: file: URLs
// (percent-encoding, dot segments, query and fragment), scheme detection, and conversion
// between file URLs and paths with the semantics of Node's pathToFileURL/fileURLToPath.
#ifndef SKUA_RESOLVER_URL_UTIL_H_
#define SKUA_RESOLVER_URL_UTIL_H_

#include <optional>
#include <string>
#include <string_view>

namespace skua::resolver::internal {

// A parsed file: URL. `path` is the percent-encoded pathname, always starting with '/';
// `search` and `hash` keep their leading '?' / '#' (or are empty).
struct FileUrl {
  std::string path;
  std::string search;
  std::string hash;

  std::string Href() const { return "file://" + path + search + hash; }
};

// The lower-cased scheme ("file", "node", "https") when `text` parses as an absolute URL;
// nullopt for relative references and bare names ("pkg", "./x", "@s/p").
std::optional<std::string> UrlScheme(std::string_view text);

// Parses an absolute file: URL; nullopt when it is not one or names a remote host.
std::optional<FileUrl> ParseFileUrl(std::string_view href);

// `new URL(reference, base)` for a relative reference ("./a?q", "../b", "/c") against a
// file URL; the base's search and hash are dropped as the standard says.
FileUrl ResolveFileUrl(const FileUrl& base, std::string_view reference);

// pathToFileURL: an absolute path to an encoded URL pathname.
std::string EncodePathForUrl(std::string_view path);

// fileURLToPath's decoding of an encoded pathname (it does not reject %2F; callers check
// HasEncodedSeparator first, as Node's finalizeResolution does).
std::string DecodeUrlPath(std::string_view encoded_path);

// True when an encoded pathname contains %2F or %5C (any case).
bool HasEncodedSeparator(std::string_view encoded_path);

inline FileUrl FileUrlFromPath(std::string_view path) { return FileUrl{EncodePathForUrl(path), {}, {}}; }
inline std::string FileHrefFromPath(std::string_view path) { return "file://" + EncodePathForUrl(path); }

}  // namespace skua::resolver::internal

#endif  // SKUA_RESOLVER_URL_UTIL_H_
