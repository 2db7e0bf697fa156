// Domain to ASCII / to Unicode: UTS #46 processing with the URL Standard's options
// (CheckHyphens=false, CheckBidi=true, CheckJoiners=true, Nontransitional), done by ICU's
// uidna API as Node does. ASCII input without "xn--" labels takes a fast path that only
// lower-cases, which is what UTS #46 mapping does to such input.
#ifndef SKUA_BASE_URL_IDNA_H_
#define SKUA_BASE_URL_IDNA_H_

#include <optional>
#include <string>
#include <string_view>

namespace skua::url {

// The standard's "domain to ASCII" with beStrict = false; nullopt on failure (including
// an empty result).
std::optional<std::string> DomainToAscii(std::string_view domain);

// UTS #46 ToUnicode of an ASCII domain; labels that fail to decode are kept as they are.
std::string DomainToUnicode(std::string_view domain);

}  // namespace skua::url

#endif  // SKUA_BASE_URL_IDNA_H_
