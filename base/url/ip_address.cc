// IPv4/IPv6 parsers following the URL Standard step by step; failures are nullopt and
// validation errors that do not fail are not reported.
#include "base/url/ip_address.h"

#include <vector>

#include "base/url/percent_encode.h"

namespace skua::url {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The IPv4 number parser. Values saturate just above 2^32: anything that large fails
// later anyway, and saturating keeps long digit strings from overflowing.
std::optional<uint64_t> ParseIpv4Number(std::string_view input) {
  if (input.empty()) return std::nullopt;
  int radix = 10;
  if (input.size() >= 2 && input[0] == '0' && (input[1] == 'x' || input[1] == 'X')) {
    radix = 16;
    input.remove_prefix(2);
  } else if (input.size() >= 2 && input[0] == '0') {
    radix = 8;
    input.remove_prefix(1);
  }
  uint64_t value = 0;
  constexpr uint64_t kCap = uint64_t{1} << 33;
  for (char c : input) {
    int digit;
    if (radix == 16) {
      if (!IsHexDigit(c)) return std::nullopt;
      digit = HexValue(c);
    } else {
      if (!IsDigit(c) || c - '0' >= radix) return std::nullopt;
      digit = c - '0';
    }
    value = value * radix + digit;
    if (value > kCap) value = kCap;
  }
  return value;
}

// Splits on '.'; the standard drops one trailing empty part.
std::vector<std::string_view> SplitDots(std::string_view input) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dot = input.find('.', start);
    if (dot == std::string_view::npos) {
      parts.push_back(input.substr(start));
      break;
    }
    parts.push_back(input.substr(start, dot - start));
    start = dot + 1;
  }
  return parts;
}

}  // namespace

bool EndsInANumber(std::string_view domain) {
  std::vector<std::string_view> parts = SplitDots(domain);
  if (parts.back().empty()) {
    if (parts.size() == 1) return false;
    parts.pop_back();
  }
  std::string_view last = parts.back();
  if (!last.empty()) {
    bool all_digits = true;
    for (char c : last) all_digits = all_digits && IsDigit(c);
    if (all_digits) return true;
  }
  return ParseIpv4Number(last).has_value();
}

std::optional<uint32_t> ParseIpv4(std::string_view input) {
  std::vector<std::string_view> parts = SplitDots(input);
  if (parts.back().empty() && parts.size() > 1) parts.pop_back();
  if (parts.size() > 4) return std::nullopt;
  uint64_t numbers[4];
  for (size_t i = 0; i < parts.size(); ++i) {
    std::optional<uint64_t> n = ParseIpv4Number(parts[i]);
    if (!n) return std::nullopt;
    numbers[i] = *n;
  }
  size_t count = parts.size();
  for (size_t i = 0; i + 1 < count; ++i) {
    if (numbers[i] > 255) return std::nullopt;
  }
  if (numbers[count - 1] >= (uint64_t{1} << (8 * (5 - count)))) return std::nullopt;
  uint64_t address = numbers[count - 1];
  for (size_t i = 0; i + 1 < count; ++i) address += numbers[i] << (8 * (3 - i));
  return static_cast<uint32_t>(address);
}

std::string SerializeIpv4(uint32_t address) {
  std::string out;
  for (int i = 3; i >= 0; --i) {
    out += std::to_string((address >> (8 * i)) & 0xff);
    if (i) out.push_back('.');
  }
  return out;
}

std::optional<Ipv6Address> ParseIpv6(std::string_view input) {
  Ipv6Address address{};
  int piece_index = 0;
  int compress = -1;
  size_t p = 0;
  const size_t n = input.size();
  auto at = [&](size_t i) -> int { return i < n ? static_cast<unsigned char>(input[i]) : -1; };
  if (at(p) == ':') {
    if (at(p + 1) != ':') return std::nullopt;
    p += 2;
    compress = ++piece_index;
  }
  while (at(p) != -1) {
    if (piece_index == 8) return std::nullopt;
    if (at(p) == ':') {
      if (compress != -1) return std::nullopt;
      ++p;
      compress = ++piece_index;
      continue;
    }
    int value = 0, length = 0;
    while (length < 4 && at(p) != -1 && IsHexDigit(static_cast<char>(at(p)))) {
      value = value * 16 + HexValue(static_cast<char>(at(p)));
      ++p;
      ++length;
    }
    if (at(p) == '.') {
      // An embedded IPv4 address fills the last two pieces.
      if (length == 0) return std::nullopt;
      p -= length;
      if (piece_index > 6) return std::nullopt;
      int numbers_seen = 0;
      while (at(p) != -1) {
        int ipv4_piece = -1;
        if (numbers_seen > 0) {
          if (at(p) == '.' && numbers_seen < 4) {
            ++p;
          } else {
            return std::nullopt;
          }
        }
        if (!IsDigit(static_cast<char>(at(p)))) return std::nullopt;
        while (at(p) != -1 && IsDigit(static_cast<char>(at(p)))) {
          int number = at(p) - '0';
          if (ipv4_piece == -1) {
            ipv4_piece = number;
          } else if (ipv4_piece == 0) {
            return std::nullopt;
          } else {
            ipv4_piece = ipv4_piece * 10 + number;
          }
          if (ipv4_piece > 255) return std::nullopt;
          ++p;
        }
        address[piece_index] = static_cast<uint16_t>(address[piece_index] * 0x100 + ipv4_piece);
        ++numbers_seen;
        if (numbers_seen == 2 || numbers_seen == 4) ++piece_index;
      }
      if (numbers_seen != 4) return std::nullopt;
      break;
    }
    if (at(p) == ':') {
      ++p;
      if (at(p) == -1) return std::nullopt;
    } else if (at(p) != -1) {
      return std::nullopt;
    }
    address[piece_index++] = static_cast<uint16_t>(value);
  }
  if (compress != -1) {
    int swaps = piece_index - compress;
    piece_index = 7;
    while (piece_index != 0 && swaps > 0) {
      std::swap(address[piece_index], address[compress + swaps - 1]);
      --piece_index;
      --swaps;
    }
  } else if (piece_index != 8) {
    return std::nullopt;
  }
  return address;
}

std::string SerializeIpv6(const Ipv6Address& address) {
  // Find the first longest run of at least two zero pieces.
  int compress = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    if (address[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && address[j] == 0) ++j;
    if (j - i > best_length) {
      best_length = j - i;
      compress = i;
    }
    i = j;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  bool ignore0 = false;
  for (int i = 0; i < 8; ++i) {
    if (ignore0 && address[i] == 0) continue;
    ignore0 = false;
    if (compress == i) {
      out += i == 0 ? "::" : ":";
      ignore0 = true;
      continue;
    }
    uint16_t v = address[i];
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int digit = (v >> shift) & 15;
      if (digit || started || shift == 0) {
        out.push_back(kHex[digit]);
        started = true;
      }
    }
    if (i != 7) out.push_back(':');
  }
  return out;
}

}  // namespace skua::url
