// WHATWG URL parsing for file: URLs, reduced to what module resolution uses.
#include "resolver/url_util.h"

#include <vector>

namespace skua::resolver::internal {

namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char ToLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}

// The WHATWG "path percent-encode set" (C0 controls, space, ", #, <, >, ?, `, {, } and
// non-ASCII). '#' and '?' never reach here from a parsed reference, but do from a path.
bool InPathEncodeSet(unsigned char c) {
  return c <= 0x20 || c >= 0x7F || c == '"' || c == '#' || c == '<' || c == '>' ||
         c == '?' || c == '`' || c == '{' || c == '}';
}

void AppendPercent(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  c = ToLower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool IsSingleDot(std::string_view s) { return s == "." || EqualsIgnoreCase(s, "%2e"); }
bool IsDoubleDot(std::string_view s) {
  return s == ".." || EqualsIgnoreCase(s, ".%2e") || EqualsIgnoreCase(s, "%2e.") ||
         EqualsIgnoreCase(s, "%2e%2e");
}

// Canonicalizes a raw path the way the URL parser does for special schemes: '\' is a
// separator, characters of the encode set are escaped, existing %XX stay as they are.
std::string CanonicalizeRawPath(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char ch : raw) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out += '/';
    } else if (InPathEncodeSet(c) && c != '#' && c != '?') {
      AppendPercent(out, c);
    } else {
      out += ch;
    }
  }
  return out;
}

// Removes dot segments from an absolute encoded path; a final `.` or `..` leaves a
// trailing slash ("/a/b/.." → "/a/").
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> parts;
  bool trailing = false;
  size_t start = 1;  // Skip the leading '/'.
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    bool last = end == path.size();
    if (IsDoubleDot(seg)) {
      if (!parts.empty()) parts.pop_back();
      trailing = last;
    } else if (IsSingleDot(seg)) {
      trailing = last;
    } else {
      parts.push_back(seg);
      trailing = false;
    }
    start = end + 1;
  }
  std::string out;
  for (std::string_view p : parts) {
    out += '/';
    out += p;
  }
  if (trailing || out.empty()) out += '/';
  return out;
}

// Splits "path?query#hash" into its three parts.
void SplitReference(std::string_view ref, std::string_view* path, std::string* search,
                    std::string* hash) {
  size_t hash_pos = ref.find('#');
  if (hash_pos != std::string_view::npos) {
    *hash = std::string(ref.substr(hash_pos));
    ref = ref.substr(0, hash_pos);
  }
  size_t query_pos = ref.find('?');
  if (query_pos != std::string_view::npos) {
    *search = std::string(ref.substr(query_pos));
    ref = ref.substr(0, query_pos);
  }
  *path = ref;
  // An empty query or fragment ("x?" / "x#") serializes as nothing in URL.href.
  if (*search == "?") search->clear();
  if (*hash == "#") hash->clear();
}

}  // namespace

std::optional<std::string> UrlScheme(std::string_view text) {
  // Leading/trailing C0 controls and spaces are stripped by the URL parser; specifiers
  // with them are rare enough that we treat them as not-a-URL.
  if (text.empty() || !IsAlpha(text[0])) return std::nullopt;
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == ':') {
      std::string scheme;
      for (size_t j = 0; j < i; ++j) scheme += ToLower(text[j]);
      return scheme;
    }
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return std::nullopt;
  }
  return std::nullopt;
}

std::optional<FileUrl> ParseFileUrl(std::string_view href) {
  std::optional<std::string> scheme = UrlScheme(href);
  if (!scheme || *scheme != "file") return std::nullopt;
  std::string_view rest = href.substr(5);
  // Backslashes count as slashes in special URLs, also in the authority part.
  std::string normalized(rest);
  for (char& c : normalized) {
    if (c == '\\') c = '/';
  }
  rest = normalized;
  FileUrl url;
  std::string_view path;
  SplitReference(rest, &path, &url.search, &url.hash);
  if (path.substr(0, 2) == "//") {
    size_t slash = path.find('/', 2);
    std::string_view host = path.substr(2, slash == std::string_view::npos ? path.npos : slash - 2);
    if (!host.empty() && !EqualsIgnoreCase(host, "localhost")) return std::nullopt;
    path = slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
  }
  std::string canonical = CanonicalizeRawPath(path);
  if (canonical.empty() || canonical[0] != '/') canonical.insert(canonical.begin(), '/');
  url.path = RemoveDotSegments(canonical);
  return url;
}

FileUrl ResolveFileUrl(const FileUrl& base, std::string_view reference) {
  FileUrl url;
  std::string_view path;
  SplitReference(reference, &path, &url.search, &url.hash);
  std::string canonical = CanonicalizeRawPath(path);
  if (canonical.empty()) {
    // "?q" or "#h" alone keep the base path.
    url.path = base.path;
    if (url.search.empty() && reference.find('?') == std::string_view::npos) url.search = base.search;
    return url;
  }
  if (canonical[0] == '/') {
    if (canonical.size() > 1 && canonical[1] == '/') {
      // "//host/…" is a network-path reference; only an empty or localhost host is valid
      // for file:, which Node would then reject anyway. Treat as rooted at the path.
      size_t slash = canonical.find('/', 2);
      canonical = slash == std::string::npos ? "/" : canonical.substr(slash);
    }
    url.path = RemoveDotSegments(canonical);
    return url;
  }
  size_t last_slash = base.path.rfind('/');
  std::string merged = base.path.substr(0, last_slash + 1) + canonical;
  url.path = RemoveDotSegments(merged);
  return url;
}

std::string EncodePathForUrl(std::string_view path) {
  std::string out;
  out.reserve(path.size() + 8);
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    // pathToFileURL escapes '%' and '\' itself so they survive the URL parser.
    if (c == '%' || c == '\\' || InPathEncodeSet(c)) {
      AppendPercent(out, c);
    } else {
      out += ch;
    }
  }
  return out;
}

std::string DecodeUrlPath(std::string_view encoded_path) {
  std::string out;
  out.reserve(encoded_path.size());
  for (size_t i = 0; i < encoded_path.size(); ++i) {
    if (encoded_path[i] == '%' && i + 2 < encoded_path.size()) {
      int hi = HexValue(encoded_path[i + 1]);
      int lo = HexValue(encoded_path[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += encoded_path[i];
  }
  return out;
}

bool HasEncodedSeparator(std::string_view encoded_path) {
  for (size_t i = 0; i + 2 < encoded_path.size(); ++i) {
    if (encoded_path[i] != '%') continue;
    char a = encoded_path[i + 1];
    char b = ToLower(encoded_path[i + 2]);
    if ((a == '2' && b == 'f') || (a == '5' && b == 'c')) return true;
  }
  return false;
}

}  // namespace skua::resolver::internal
