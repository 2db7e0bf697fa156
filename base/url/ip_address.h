// IPv4 and IPv6 address parsing and serialization, as the URL Standard's host parser
// uses them (including its lenient IPv4 forms: "0x7f.1", "017.0.0.1", "2130706433").
#ifndef SKUA_BASE_URL_IP_ADDRESS_H_
#define SKUA_BASE_URL_IP_ADDRESS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace skua::url {

using Ipv6Address = std::array<uint16_t, 8>;

// The standard's "ends in a number" check: whether the host parser must treat an ASCII
// domain as an IPv4 address.
bool EndsInANumber(std::string_view domain);

// Parses dotted parts of 1-4 numbers in decimal, octal (leading 0) or hex (0x); nullopt
// on failure.
std::optional<uint32_t> ParseIpv4(std::string_view input);
std::string SerializeIpv4(uint32_t address);

// Parses the text between '[' and ']'; nullopt on failure.
std::optional<Ipv6Address> ParseIpv6(std::string_view input);
// Lower-case hex, longest run of two or more zero pieces compressed to "::", no brackets.
std::string SerializeIpv6(const Ipv6Address& address);

}  // namespace skua::url

#endif  // SKUA_BASE_URL_IP_ADDRESS_H_
