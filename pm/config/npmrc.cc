// .npmrc text: the ini package's line grammar and npm's ${VAR} expansion.
#include "pm/config/npmrc.h"

#include <cstdint>
#include <cstdlib>
#include <optional>

extern char** environ;

namespace skua::pm::config {
namespace {

std::string_view Trim(std::string_view s) {
  size_t begin = 0;
  size_t end = s.size();
  while (begin < end && (s[begin] == ' ' || s[begin] == '\t')) ++begin;
  while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
  return s.substr(begin, end - begin);
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<uint32_t> ReadHex4(std::string_view s, size_t at) {
  if (at + 4 > s.size()) return std::nullopt;
  uint32_t v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return std::nullopt;
  }
  return v;
}

// JSON.parse of a complete string literal; nullopt when `s` is not one (ini then keeps
// the text as written).
std::optional<std::string> DecodeJsonString(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || static_cast<unsigned char>(c) < 0x20) return std::nullopt;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= s.size() - 1) return std::nullopt;  // A `\` just before the closing quote.
    switch (s[i]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        std::optional<uint32_t> cp = ReadHex4(s, i + 1);
        if (!cp) return std::nullopt;
        i += 4;
        if (*cp >= 0xD800 && *cp < 0xDC00 && s.substr(i + 1, 2) == "\\u") {
          std::optional<uint32_t> low = ReadHex4(s, i + 3);
          if (low && *low >= 0xDC00 && *low < 0xE000) {
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        AppendUtf8(*cp, &out);
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return out;
}

bool IsQuoted(std::string_view v) {
  return v.size() >= 2 && ((v.front() == '"' && v.back() == '"') ||
                           (v.front() == '\'' && v.back() == '\''));
}

// The ini package's `unsafe`: unquote, or cut at the first unescaped comment character.
std::string Unsafe(std::string_view raw) {
  std::string_view v = Trim(raw);
  if (IsQuoted(v)) {
    if (v.front() == '\'') v = v.substr(1, v.size() - 2);
    std::optional<std::string> decoded = DecodeJsonString(v);
    return decoded ? *decoded : std::string(v);
  }
  std::string out;
  bool escaped = false;
  for (char c : v) {
    if (escaped) {
      if (c != '\\' && c != ';' && c != '#') out += '\\';
      out += c;
      escaped = false;
    } else if (c == ';' || c == '#') {
      break;
    } else if (c == '\\') {
      escaped = true;
    } else {
      out += c;
    }
  }
  if (escaped) out += '\\';
  return std::string(Trim(out));
}

}  // namespace

Environment EnvironmentFromProcess() {
  Environment env;
  for (char** p = environ; p != nullptr && *p != nullptr; ++p) {
    std::string_view entry(*p);
    size_t eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    env[std::string(entry.substr(0, eq))] = std::string(entry.substr(eq + 1));
  }
  return env;
}

std::vector<IniEntry> ParseIni(std::string_view text) {
  std::vector<IniEntry> entries;
  bool in_section = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == ';' || trimmed.front() == '#') continue;
    if (line.front() == '[') {
      size_t close = line.find(']');
      if (close != std::string_view::npos && Trim(line.substr(close + 1)).empty()) {
        in_section = true;
        continue;
      }
    }
    if (in_section || line.front() == '=') continue;  // `[^=]+` needs a key.
    size_t eq = line.find('=');
    std::string key = Unsafe(line.substr(0, eq));
    std::string value = eq == std::string_view::npos ? "true" : Unsafe(line.substr(eq + 1));
    bool is_list = key.size() > 2 && key.ends_with("[]");
    if (is_list) key.resize(key.size() - 2);
    if (key == "__proto__") continue;
    IniEntry* entry = nullptr;
    for (IniEntry& e : entries) {
      if (e.key == key) entry = &e;
    }
    if (entry == nullptr) {
      entries.push_back(IniEntry{key, {}, false});
      entry = &entries.back();
    }
    if (is_list && !entry->is_list) {
      entry->is_list = true;  // An earlier plain value becomes the list's first element.
    } else if (!is_list && !entry->is_list) {
      entry->values.clear();
    }
    entry->values.push_back(std::move(value));
  }
  return entries;
}

std::string EnvReplace(std::string_view text, const Environment& env) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '\\' && text[i] != '$') {
      out += text[i++];
      continue;
    }
    size_t dollar = i;
    while (dollar < text.size() && text[dollar] == '\\') ++dollar;
    size_t slashes = dollar - i;
    // Match `${name}` or `${name?}`; a name has no `$`, `{`, `}` or `?`.
    bool matched = false;
    size_t close = 0;
    bool optional = false;
    if (text.substr(dollar, 2) == "${") {
      size_t n = dollar + 2;
      while (n < text.size() && text[n] != '$' && text[n] != '{' && text[n] != '}' &&
             text[n] != '?') {
        ++n;
      }
      if (n > dollar + 2 && n < text.size()) {
        if (text[n] == '?' && n + 1 < text.size() && text[n + 1] == '}') {
          optional = true;
          close = n + 1;
          matched = true;
        } else if (text[n] == '}') {
          close = n;
          matched = true;
        }
      }
    }
    if (!matched) {
      // Not a reference: copy the backslashes (or the lone `$`) and go on.
      out.append(text.substr(i, slashes == 0 ? 1 : slashes));
      i += slashes == 0 ? 1 : slashes;
      continue;
    }
    std::string_view reference = text.substr(dollar, close + 1 - dollar);
    if (slashes % 2 == 1) {
      out.append((slashes - 1) / 2, '\\');
      out.append(reference);
    } else {
      out.append(slashes / 2, '\\');
      std::string name(text.substr(dollar + 2, close - dollar - 2 - (optional ? 1 : 0)));
      auto found = env.find(name);
      if (found != env.end()) {
        out += found->second;
      } else if (!optional) {
        out += "${" + name + "}";
      }
    }
    i = close + 1;
  }
  return out;
}

}  // namespace skua::pm::config
