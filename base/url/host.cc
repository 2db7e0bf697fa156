// The host parser. Forbidden code points are checked on the ASCII result, after IDNA
// mapping, as the standard orders it.
#include "base/url/host.h"

#include "base/url/idna.h"
#include "base/url/ip_address.h"
#include "base/url/percent_encode.h"

namespace skua::url {

namespace {

bool IsForbiddenHostCodePoint(unsigned char c) {
  switch (c) {
    case 0x00: case '\t': case '\n': case '\r': case ' ': case '#': case '/': case ':':
    case '<': case '>': case '?': case '@': case '[': case '\\': case ']': case '^':
    case '|':
      return true;
    default:
      return false;
  }
}

bool IsForbiddenDomainCodePoint(unsigned char c) {
  return IsForbiddenHostCodePoint(c) || c <= 0x1f || c == '%' || c == 0x7f;
}

std::optional<std::string> ParseOpaqueHost(std::string_view input) {
  for (char c : input) {
    if (IsForbiddenHostCodePoint(static_cast<unsigned char>(c))) return std::nullopt;
  }
  return PercentEncode(input, EncodeSet::kC0Control);
}

}  // namespace

std::optional<std::string> ParseHost(std::string_view input, bool is_opaque) {
  if (!input.empty() && input[0] == '[') {
    if (input.back() != ']' || input.size() < 2) return std::nullopt;
    std::optional<Ipv6Address> address = ParseIpv6(input.substr(1, input.size() - 2));
    if (!address) return std::nullopt;
    return "[" + SerializeIpv6(*address) + "]";
  }
  if (is_opaque) return ParseOpaqueHost(input);
  // The standard decodes as UTF-8 with replacement here; ICU treats ill-formed UTF-8 as
  // U+FFFD, which UTS #46 disallows, so the outcome (failure) is the same.
  std::string domain = input.find('%') == std::string_view::npos ? std::string(input)
                                                                  : PercentDecode(input);
  std::optional<std::string> ascii = DomainToAscii(domain);
  if (!ascii) return std::nullopt;
  for (char c : *ascii) {
    if (IsForbiddenDomainCodePoint(static_cast<unsigned char>(c))) return std::nullopt;
  }
  if (EndsInANumber(*ascii)) {
    std::optional<uint32_t> ipv4 = ParseIpv4(*ascii);
    if (!ipv4) return std::nullopt;
    return SerializeIpv4(*ipv4);
  }
  return ascii;
}

}  // namespace skua::url
