// The WHATWG URL Standard's URL record, its parser and serializer, V8-free.
//
// Parse() runs the basic URL parser on UTF-8 input (lone surrogates must already be
// U+FFFD, as a USVString would have them); the record's fields hold the standard's
// components in their stored (percent-encoded, IDNA-processed) form. Serialize() gives the
// href and, optionally, the offsets of every component inside it, so a caller can keep
// only the string. The setters in setters.h change a record as the URL interface's
// attribute setters do.
#ifndef SKUA_BASE_URL_URL_H_
#define SKUA_BASE_URL_URL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::url {

// Where each component sits inside a serialized href. Ends are exclusive. A missing
// component is an empty range at the place it would go; search_start and hash_start
// point at '?' and '#' (or where they would be).
struct UrlOffsets {
  uint32_t protocol_end = 0;  // Just past the ':'.
  uint32_t username_start = 0;
  uint32_t username_end = 0;
  uint32_t password_start = 0;
  uint32_t password_end = 0;
  uint32_t host_start = 0;  // The hostname; an IPv6 address includes its brackets.
  uint32_t host_end = 0;
  uint32_t port_start = 0;  // The digits only.
  uint32_t port_end = 0;
  uint32_t pathname_start = 0;
  uint32_t search_start = 0;
  uint32_t hash_start = 0;
};

struct Url {
  std::string scheme;  // Lower case, without ':'.
  std::string username;
  std::string password;
  std::optional<std::string> host;  // Serialized; "" is the empty host.
  std::optional<uint16_t> port;     // Never the scheme's default port.
  bool has_opaque_path = false;
  std::string opaque_path;        // Used when has_opaque_path.
  std::vector<std::string> path;  // Segments otherwise.
  std::optional<std::string> query;
  std::optional<std::string> fragment;

  bool IsSpecial() const;
  bool IncludesCredentials() const { return !username.empty() || !password.empty(); }
  bool CannotHaveUsernamePasswordPort() const {
    return !host || host->empty() || scheme == "file";
  }

  // The URL serializer; fills `offsets` when given.
  std::string Serialize(UrlOffsets* offsets = nullptr, bool exclude_fragment = false) const;
  std::string Href() const { return Serialize(); }

  // The URL interface's getters.
  std::string Protocol() const { return scheme + ":"; }
  std::string Host() const;
  std::string Hostname() const { return host.value_or(""); }
  std::string Port() const { return port ? std::to_string(*port) : ""; }
  std::string Pathname() const;
  std::string Search() const { return query && !query->empty() ? "?" + *query : ""; }
  std::string Hash() const { return fragment && !fragment->empty() ? "#" + *fragment : ""; }
  std::string Origin() const;  // ASCII serialization; "null" for opaque origins.
};

// The scheme's default port, or -1 (also for non-special schemes).
int DefaultPort(std::string_view scheme);
bool IsSpecialScheme(std::string_view scheme);

// Parses `input` against an optional base URL. Fails with kInvalidArgument.
Result<Url> Parse(std::string_view input, const Url* base = nullptr);
bool CanParse(std::string_view input, const Url* base = nullptr);

}  // namespace skua::url

#endif  // SKUA_BASE_URL_URL_H_
