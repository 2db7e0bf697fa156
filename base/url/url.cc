// The URL record: serializer, getters, origin, and the Parse entry point.
#include "base/url/url.h"

#include "base/url/parser.h"

namespace skua::url {

int DefaultPort(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") return 80;
  if (scheme == "https" || scheme == "wss") return 443;
  if (scheme == "ftp") return 21;
  return -1;
}

bool IsSpecialScheme(std::string_view scheme) {
  return scheme == "http" || scheme == "https" || scheme == "ws" || scheme == "wss" ||
         scheme == "ftp" || scheme == "file";
}

bool Url::IsSpecial() const { return IsSpecialScheme(scheme); }

std::string Url::Serialize(UrlOffsets* offsets, bool exclude_fragment) const {
  UrlOffsets o;
  std::string out;
  out.reserve(scheme.size() + 16 + (host ? host->size() : 0) + username.size() +
              password.size() + opaque_path.size() + (query ? query->size() : 0) +
              (fragment ? fragment->size() : 0) + path.size() * 8);
  out += scheme;
  out += ':';
  o.protocol_end = static_cast<uint32_t>(out.size());
  auto mark = [&out] { return static_cast<uint32_t>(out.size()); };
  o.username_start = o.username_end = o.password_start = o.password_end = mark();
  if (host) {
    out += "//";
    o.username_start = o.username_end = o.password_start = o.password_end = mark();
    if (IncludesCredentials()) {
      out += username;
      o.username_end = o.password_start = o.password_end = mark();
      if (!password.empty()) {
        out += ':';
        o.password_start = mark();
        out += password;
        o.password_end = mark();
      }
      out += '@';
    }
    o.host_start = mark();
    out += *host;
    o.host_end = o.port_start = o.port_end = mark();
    if (port) {
      out += ':';
      o.port_start = mark();
      out += std::to_string(*port);
      o.port_end = mark();
    }
  } else {
    o.host_start = o.host_end = o.port_start = o.port_end = mark();
  }
  if (!host && !has_opaque_path && path.size() > 1 && path[0].empty()) out += "/.";
  o.pathname_start = mark();
  if (has_opaque_path) {
    out += opaque_path;
  } else {
    for (const std::string& segment : path) {
      out += '/';
      out += segment;
    }
  }
  o.search_start = mark();
  if (query) {
    out += '?';
    out += *query;
  }
  o.hash_start = mark();
  if (fragment && !exclude_fragment) {
    out += '#';
    out += *fragment;
  }
  if (offsets) *offsets = o;
  return out;
}

std::string Url::Host() const {
  if (!host) return "";
  if (!port) return *host;
  return *host + ":" + std::to_string(*port);
}

std::string Url::Pathname() const {
  if (has_opaque_path) return opaque_path;
  std::string out;
  for (const std::string& segment : path) {
    out += '/';
    out += segment;
  }
  return out;
}

std::string Url::Origin() const {
  if (scheme == "blob") {
    // The origin of the URL in a blob URL's path, when that is an HTTP(S) URL.
    Result<Url> inner = Parse(Pathname());
    if (inner.ok() && (inner->scheme == "http" || inner->scheme == "https")) {
      return inner->Origin();
    }
    return "null";
  }
  if (!IsSpecial() || scheme == "file") return "null";
  return scheme + "://" + Host();
}

Result<Url> Parse(std::string_view input, const Url* base) {
  Url url;
  if (!internal::BasicParse(input, base, url, internal::State::kNone)) {
    return InvalidArgument("Invalid URL");
  }
  return url;
}

bool CanParse(std::string_view input, const Url* base) {
  Url url;
  return internal::BasicParse(input, base, url, internal::State::kNone);
}

}  // namespace skua::url
