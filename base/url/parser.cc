// The basic URL parser, one case per state of the standard, over UTF-8 bytes. Only ASCII
// bytes steer the state machine; a non-ASCII byte is always copied into a buffer or
// percent-encoded, so working on bytes instead of code points changes nothing.
#include "base/url/parser.h"

#include <charconv>
#include <string>

#include "base/check.h"
#include "base/url/host.h"
#include "base/url/percent_encode.h"

namespace skua::url::internal {

namespace {

constexpr int kEof = -1;

bool IsAsciiAlpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(int c) { return c >= '0' && c <= '9'; }
char ToLower(int c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c); }

bool IsWindowsDriveLetter(std::string_view s) {
  return s.size() == 2 && IsAsciiAlpha(s[0]) && (s[1] == ':' || s[1] == '|');
}
bool IsNormalizedWindowsDriveLetter(std::string_view s) {
  return s.size() == 2 && IsAsciiAlpha(s[0]) && s[1] == ':';
}
bool StartsWithWindowsDriveLetter(std::string_view s) {
  if (s.size() < 2 || !IsWindowsDriveLetter(s.substr(0, 2))) return false;
  if (s.size() == 2) return true;
  char c = s[2];
  return c == '/' || c == '\\' || c == '?' || c == '#';
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToLower(a[i]) != ToLower(b[i])) return false;
  }
  return true;
}
bool IsSingleDot(std::string_view s) { return s == "." || EqualsIgnoreCase(s, "%2e"); }
bool IsDoubleDot(std::string_view s) {
  return s == ".." || EqualsIgnoreCase(s, ".%2e") || EqualsIgnoreCase(s, "%2e.") ||
         EqualsIgnoreCase(s, "%2e%2e");
}

void ShortenPath(Url& url) {
  if (url.scheme == "file" && url.path.size() == 1 &&
      IsNormalizedWindowsDriveLetter(url.path[0])) {
    return;
  }
  if (!url.path.empty()) url.path.pop_back();
}

// Strips leading and trailing C0 controls and spaces (only without a state override) and
// removes every tab and newline. Clean input (the common case) is not copied: the result
// views `input` or `storage`.
std::string_view Preprocess(std::string_view input, bool strip, std::string& storage) {
  if (strip) {
    while (!input.empty() && static_cast<unsigned char>(input.front()) <= 0x20) {
      input.remove_prefix(1);
    }
    while (!input.empty() && static_cast<unsigned char>(input.back()) <= 0x20) {
      input.remove_suffix(1);
    }
  }
  bool clean = true;
  for (char c : input) clean &= c != '\t' && c != '\n' && c != '\r';
  if (clean) return input;
  storage.reserve(input.size());
  for (char c : input) {
    if (c != '\t' && c != '\n' && c != '\r') storage.push_back(c);
  }
  return storage;
}

}  // namespace

bool BasicParse(std::string_view raw_input, const Url* base, Url& url, State state_override) {
  const bool has_override = state_override != State::kNone;
  std::string storage;
  const std::string_view input = Preprocess(raw_input, !has_override, storage);
  const std::ptrdiff_t size = static_cast<std::ptrdiff_t>(input.size());
  State state = has_override ? state_override : State::kSchemeStart;
  std::string buffer;
  buffer.reserve(input.size());
  bool at_sign_seen = false, inside_brackets = false, password_token_seen = false;
  // url.IsSpecial(), kept up to date wherever the scheme changes: the path states ask
  // for every byte.
  bool special = url.IsSpecial();
  auto remaining = [&](std::ptrdiff_t pointer) -> std::string_view {
    return pointer + 1 <= size ? input.substr(pointer + 1) : std::string_view();
  };

  for (std::ptrdiff_t pointer = 0;; ++pointer) {
    const int c = pointer < size ? static_cast<unsigned char>(input[pointer]) : kEof;
    switch (state) {
      case State::kNone:
        UNREACHABLE();

      case State::kSchemeStart:
        if (IsAsciiAlpha(c)) {
          buffer.push_back(ToLower(c));
          state = State::kScheme;
        } else if (!has_override) {
          state = State::kNoScheme;
          --pointer;
        } else {
          return false;
        }
        break;

      case State::kScheme:
        if (IsAsciiAlpha(c) || IsAsciiDigit(c) || c == '+' || c == '-' || c == '.') {
          buffer.push_back(ToLower(c));
        } else if (c == ':') {
          if (has_override) {
            if (special != IsSpecialScheme(buffer)) return true;
            if ((url.IncludesCredentials() || url.port) && buffer == "file") return true;
            if (url.scheme == "file" && url.host && url.host->empty()) return true;
          }
          url.scheme = std::move(buffer);
          buffer.clear();
          special = url.IsSpecial();
          if (has_override) {
            if (url.port && *url.port == DefaultPort(url.scheme)) url.port.reset();
            return true;
          }
          if (url.scheme == "file") {
            state = State::kFile;
          } else if (special && base && base->scheme == url.scheme) {
            state = State::kSpecialRelativeOrAuthority;
          } else if (special) {
            state = State::kSpecialAuthoritySlashes;
          } else if (!remaining(pointer).empty() && remaining(pointer)[0] == '/') {
            state = State::kPathOrAuthority;
            ++pointer;
          } else {
            url.has_opaque_path = true;
            url.opaque_path.clear();
            state = State::kOpaquePath;
          }
        } else if (!has_override) {
          buffer.clear();
          state = State::kNoScheme;
          pointer = -1;
        } else {
          return false;
        }
        break;

      case State::kNoScheme:
        if (!base || (base->has_opaque_path && c != '#')) return false;
        if (base->has_opaque_path && c == '#') {
          url.scheme = base->scheme;
          special = url.IsSpecial();
          url.has_opaque_path = true;
          url.opaque_path = base->opaque_path;
          url.query = base->query;
          url.fragment = "";
          state = State::kFragment;
        } else if (base->scheme != "file") {
          state = State::kRelative;
          --pointer;
        } else {
          state = State::kFile;
          --pointer;
        }
        break;

      case State::kSpecialRelativeOrAuthority:
        if (c == '/' && remaining(pointer).substr(0, 1) == "/") {
          state = State::kSpecialAuthorityIgnoreSlashes;
          ++pointer;
        } else {
          state = State::kRelative;
          --pointer;
        }
        break;

      case State::kPathOrAuthority:
        if (c == '/') {
          state = State::kAuthority;
        } else {
          state = State::kPath;
          --pointer;
        }
        break;

      case State::kRelative:
        url.scheme = base->scheme;
        special = url.IsSpecial();
        if (c == '/' || (special && c == '\\')) {
          state = State::kRelativeSlash;
        } else {
          url.username = base->username;
          url.password = base->password;
          url.host = base->host;
          url.port = base->port;
          url.path = base->path;
          url.query = base->query;
          if (c == '?') {
            url.query = "";
            state = State::kQuery;
          } else if (c == '#') {
            url.fragment = "";
            state = State::kFragment;
          } else if (c != kEof) {
            url.query.reset();
            ShortenPath(url);
            state = State::kPath;
            --pointer;
          }
        }
        break;

      case State::kRelativeSlash:
        if (special && (c == '/' || c == '\\')) {
          state = State::kSpecialAuthorityIgnoreSlashes;
        } else if (c == '/') {
          state = State::kAuthority;
        } else {
          url.username = base->username;
          url.password = base->password;
          url.host = base->host;
          url.port = base->port;
          state = State::kPath;
          --pointer;
        }
        break;

      case State::kSpecialAuthoritySlashes:
        state = State::kSpecialAuthorityIgnoreSlashes;
        if (c == '/' && remaining(pointer).substr(0, 1) == "/") {
          ++pointer;
        } else {
          --pointer;
        }
        break;

      case State::kSpecialAuthorityIgnoreSlashes:
        if (c != '/' && c != '\\') {
          state = State::kAuthority;
          --pointer;
        }
        break;

      case State::kAuthority:
        if (c == '@') {
          if (at_sign_seen) buffer.insert(0, "%40");
          at_sign_seen = true;
          for (size_t i = 0; i < buffer.size(); ++i) {
            if (buffer[i] == ':' && !password_token_seen) {
              password_token_seen = true;
              continue;
            }
            AppendEncodedByte(static_cast<unsigned char>(buffer[i]), EncodeSet::kUserinfo,
                              password_token_seen ? url.password : url.username);
          }
          buffer.clear();
        } else if (c == kEof || c == '/' || c == '?' || c == '#' ||
                   (special && c == '\\')) {
          if (at_sign_seen && buffer.empty()) return false;
          pointer -= static_cast<std::ptrdiff_t>(buffer.size()) + 1;
          buffer.clear();
          state = State::kHost;
        } else {
          // Take the run up to the next '@' or delimiter at once.
          std::ptrdiff_t end = pointer + 1;
          while (end < size) {
            char next = input[end];
            if (next == '@' || next == '/' || next == '?' || next == '#' ||
                (special && next == '\\')) {
              break;
            }
            ++end;
          }
          buffer.append(input.substr(pointer, end - pointer));
          pointer = end - 1;
        }
        break;

      case State::kHost:
      case State::kHostname:
        if (has_override && url.scheme == "file") {
          --pointer;
          state = State::kFileHost;
        } else if (c == ':' && !inside_brackets) {
          if (buffer.empty()) return false;
          if (state_override == State::kHostname) return false;
          std::optional<std::string> host = ParseHost(buffer, !special);
          if (!host) return false;
          url.host = std::move(host);
          buffer.clear();
          state = State::kPort;
        } else if (c == kEof || c == '/' || c == '?' || c == '#' ||
                   (special && c == '\\')) {
          --pointer;
          if (special && buffer.empty()) return false;
          if (has_override && buffer.empty() && (url.IncludesCredentials() || url.port)) {
            return false;
          }
          std::optional<std::string> host = ParseHost(buffer, !special);
          if (!host) return false;
          url.host = std::move(host);
          buffer.clear();
          state = State::kPathStart;
          if (has_override) return true;
        } else {
          if (c == '[') inside_brackets = true;
          if (c == ']') inside_brackets = false;
          buffer.push_back(static_cast<char>(c));
          // Take the run of bytes that cannot end the host at once.
          while (pointer + 1 < size) {
            char next = input[pointer + 1];
            if (next == ':' || next == '/' || next == '?' || next == '#' || next == '[' ||
                next == ']' || (special && next == '\\')) {
              break;
            }
            buffer.push_back(next);
            ++pointer;
          }
        }
        break;

      case State::kPort:
        if (IsAsciiDigit(c)) {
          buffer.push_back(static_cast<char>(c));
        } else if (c == kEof || c == '/' || c == '?' || c == '#' ||
                   (special && c == '\\') || has_override) {
          if (!buffer.empty()) {
            // Leading zeros are allowed, so strip them before the length check.
            size_t first = buffer.find_first_not_of('0');
            std::string_view digits =
                first == std::string::npos ? "0" : std::string_view(buffer).substr(first);
            if (digits.size() > 5) return false;
            uint32_t port = 0;
            std::from_chars(digits.data(), digits.data() + digits.size(), port);
            if (port > 65535) return false;
            if (static_cast<int>(port) == DefaultPort(url.scheme)) {
              url.port.reset();
            } else {
              url.port = static_cast<uint16_t>(port);
            }
            buffer.clear();
          }
          if (has_override) return true;
          state = State::kPathStart;
          --pointer;
        } else {
          return false;
        }
        break;

      case State::kFile:
        url.scheme = "file";
        special = true;
        url.host = "";
        if (c == '/' || c == '\\') {
          state = State::kFileSlash;
        } else if (base && base->scheme == "file") {
          url.host = base->host;
          url.path = base->path;
          url.query = base->query;
          if (c == '?') {
            url.query = "";
            state = State::kQuery;
          } else if (c == '#') {
            url.fragment = "";
            state = State::kFragment;
          } else if (c != kEof) {
            url.query.reset();
            if (!StartsWithWindowsDriveLetter(input.substr(pointer))) {
              ShortenPath(url);
            } else {
              url.path.clear();
            }
            state = State::kPath;
            --pointer;
          }
        } else {
          state = State::kPath;
          --pointer;
        }
        break;

      case State::kFileSlash:
        if (c == '/' || c == '\\') {
          state = State::kFileHost;
        } else {
          if (base && base->scheme == "file") {
            url.host = base->host;
            if (!StartsWithWindowsDriveLetter(input.substr(pointer)) &&
                !base->path.empty() && IsNormalizedWindowsDriveLetter(base->path[0])) {
              url.path.push_back(base->path[0]);
            }
          }
          state = State::kPath;
          --pointer;
        }
        break;

      case State::kFileHost:
        if (c == kEof || c == '/' || c == '\\' || c == '?' || c == '#') {
          --pointer;
          if (!has_override && IsWindowsDriveLetter(buffer)) {
            state = State::kPath;
          } else if (buffer.empty()) {
            url.host = "";
            if (has_override) return true;
            state = State::kPathStart;
          } else {
            std::optional<std::string> host = ParseHost(buffer, !special);
            if (!host) return false;
            if (*host == "localhost") host->clear();
            url.host = std::move(host);
            if (has_override) return true;
            buffer.clear();
            state = State::kPathStart;
          }
        } else {
          buffer.push_back(static_cast<char>(c));
        }
        break;

      case State::kPathStart:
        if (special) {
          state = State::kPath;
          if (c != '/' && c != '\\') --pointer;
        } else if (!has_override && c == '?') {
          url.query = "";
          state = State::kQuery;
        } else if (!has_override && c == '#') {
          url.fragment = "";
          state = State::kFragment;
        } else if (c != kEof) {
          state = State::kPath;
          if (c != '/') --pointer;
        } else if (has_override && !url.host) {
          url.path.emplace_back();
        }
        break;

      case State::kPath:
        if (c == kEof || c == '/' || (special && c == '\\') ||
            (!has_override && (c == '?' || c == '#'))) {
          const bool slash = c == '/' || (special && c == '\\');
          if (IsDoubleDot(buffer)) {
            ShortenPath(url);
            if (!slash) url.path.emplace_back();
          } else if (IsSingleDot(buffer) && !slash) {
            url.path.emplace_back();
          } else if (!IsSingleDot(buffer)) {
            if (url.scheme == "file" && url.path.empty() && IsWindowsDriveLetter(buffer)) {
              buffer[1] = ':';
            }
            url.path.push_back(std::move(buffer));
          }
          buffer.clear();
          if (c == '?') {
            url.query = "";
            state = State::kQuery;
          } else if (c == '#') {
            url.fragment = "";
            state = State::kFragment;
          }
        } else {
          // Take the whole run up to the next delimiter at once.
          AppendEncodedByte(static_cast<unsigned char>(c), EncodeSet::kPath, buffer);
          while (pointer + 1 < size) {
            char next = input[pointer + 1];
            if (next == '/' || next == '?' || next == '#' || (special && next == '\\')) break;
            AppendEncodedByte(static_cast<unsigned char>(next), EncodeSet::kPath, buffer);
            ++pointer;
          }
        }
        break;

      case State::kOpaquePath:
        if (c == '?') {
          url.query = "";
          state = State::kQuery;
        } else if (c == '#') {
          url.fragment = "";
          state = State::kFragment;
        } else if (c != kEof) {
          AppendEncodedByte(static_cast<unsigned char>(c), EncodeSet::kC0Control,
                            url.opaque_path);
        }
        break;

      case State::kQuery:
        if ((!has_override && c == '#') || c == kEof) {
          AppendPercentEncoded(buffer,
                               special ? EncodeSet::kSpecialQuery : EncodeSet::kQuery,
                               *url.query);
          buffer.clear();
          if (c == '#') {
            url.fragment = "";
            state = State::kFragment;
          }
        } else {
          // Take everything up to the fragment (or the end) at once.
          size_t end = has_override ? std::string_view::npos : input.find('#', pointer);
          if (end == std::string_view::npos) end = input.size();
          buffer.append(input.substr(pointer, end - pointer));
          pointer = static_cast<std::ptrdiff_t>(end) - 1;
        }
        break;

      case State::kFragment:
        if (c != kEof) {
          // Everything to the end belongs to the fragment.
          for (; pointer < size; ++pointer) {
            AppendEncodedByte(static_cast<unsigned char>(input[pointer]), EncodeSet::kFragment,
                              *url.fragment);
          }
        }
        break;
    }
    if (pointer >= size) break;
  }
  return true;
}

}  // namespace skua::url::internal
