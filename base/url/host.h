// The URL Standard's host parser: bracketed IPv6, opaque hosts of non-special URLs, and
// domains (percent-decoded, IDNA-mapped, then maybe IPv4). Results are serialized hosts.
#ifndef SKUA_BASE_URL_HOST_H_
#define SKUA_BASE_URL_HOST_H_

#include <optional>
#include <string>
#include <string_view>

namespace skua::url {

// Parses `input` (UTF-8, possibly percent-encoded) into a serialized host; nullopt on
// failure. `is_opaque` is the standard's "isOpaque" (the URL is not special).
std::optional<std::string> ParseHost(std::string_view input, bool is_opaque);

}  // namespace skua::url

#endif  // SKUA_BASE_URL_HOST_H_
