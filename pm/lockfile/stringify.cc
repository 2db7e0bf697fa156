// The writer half of npm's lockfile serialisation (json-stringify-nice + JSON.stringify).
#include "pm/lockfile/stringify.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "pm/lockfile/collate.h"

namespace skua::pm::lockfile {

namespace {

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A canonical array index: "0" or digits without a leading zero, below 2^32 - 1.
bool IsArrayIndex(std::string_view key, uint64_t* value) {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return false;
  uint64_t v = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v >= 4294967295u) return false;
  *value = v;
  return true;
}

class Writer {
 public:
  Writer(const std::vector<std::string>& preferred, std::string_view indent)
      : preferred_(preferred), indent_(indent.substr(0, 10)) {}  // JSON.stringify caps it.

  void Write(const JsonValue& v, int depth, std::string* out) {
    switch (v.type()) {
      case JsonValue::Type::kNull:
        *out += "null";
        return;
      case JsonValue::Type::kBool:
        *out += v.bool_value() ? "true" : "false";
        return;
      case JsonValue::Type::kNumber:
        *out += NumberToString(v.number());
        return;
      case JsonValue::Type::kString:
        AppendQuoted(v.str(), out);
        return;
      case JsonValue::Type::kArray:
        WriteArray(v, depth, out);
        return;
      case JsonValue::Type::kObject:
        WriteObject(v, depth, out);
        return;
    }
  }

 private:
  void Break(int depth, std::string* out) {
    if (indent_.empty()) return;
    *out += '\n';
    for (int i = 0; i < depth; ++i) *out += indent_;
  }

  void WriteArray(const JsonValue& v, int depth, std::string* out) {
    if (v.items().empty()) {
      *out += "[]";
      return;
    }
    *out += '[';
    bool first = true;
    for (const JsonValue& item : v.items()) {
      if (!first) *out += ',';
      first = false;
      Break(depth + 1, out);
      Write(item, depth + 1, out);
    }
    Break(depth, out);
    *out += ']';
  }

  int PreferredIndex(std::string_view key) const {
    auto it = std::find(preferred_.begin(), preferred_.end(), key);
    return it == preferred_.end() ? -1 : static_cast<int>(it - preferred_.begin());
  }

  // A member with what json-stringify-nice's comparator looks at, computed once.
  struct SortKey {
    const JsonMemberRef* member;
    bool object;
    int preferred;
  };

  // json-stringify-nice's comparator. Its sort is stable (V8's TimSort), so ties keep
  // document order; std::stable_sort matches.
  static bool Less(const SortKey& a, const SortKey& b) {
    if (a.object != b.object) return b.object;
    int pa = a.preferred, pb = b.preferred;
    if (pa >= 0 && pb >= 0) return pa < pb;
    if (pa >= 0 || pb >= 0) return pa >= 0;
    return LocaleCompare(a.member->key, b.member->key) < 0;
  }

  void WriteObject(const JsonValue& v, int depth, std::string* out) {
    std::vector<JsonMemberRef> members;
    members.reserve(v.members().size());
    for (const JsonMember& m : v.members()) members.push_back({m.key, &m.value});
    WriteObject(members, depth, out);
  }

 public:
  void WriteObject(const std::vector<JsonMemberRef>& members, int depth, std::string* out) {
    std::vector<SortKey> keys;
    keys.reserve(members.size());
    bool has_index = false;
    for (const JsonMemberRef& m : members) {
      keys.push_back({&m, m.members != nullptr || m.value->is_object(), PreferredIndex(m.key)});
      uint64_t index = 0;
      has_index = has_index || IsArrayIndex(m.key, &index);
    }
    // Most objects come in order already (dependency maps, lockfile entries): check first.
    if (!std::is_sorted(keys.begin(), keys.end(), Less)) std::stable_sort(keys.begin(), keys.end(), Less);
    std::vector<const JsonMemberRef*> sorted;
    sorted.reserve(keys.size());
    if (has_index) {
      // Rebuilding the object in JS moves integer-like keys to the front, ascending.
      std::vector<std::pair<uint64_t, const JsonMemberRef*>> indices;
      std::vector<const JsonMemberRef*> rest;
      for (const SortKey& key : keys) {
        uint64_t index = 0;
        if (IsArrayIndex(key.member->key, &index)) {
          indices.emplace_back(index, key.member);
        } else {
          rest.push_back(key.member);
        }
      }
      std::stable_sort(indices.begin(), indices.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [index, m] : indices) sorted.push_back(m);
      sorted.insert(sorted.end(), rest.begin(), rest.end());
    } else {
      for (const SortKey& key : keys) sorted.push_back(key.member);
    }

    if (sorted.empty()) {
      *out += "{}";
      return;
    }
    *out += '{';
    bool first = true;
    for (const JsonMemberRef* m : sorted) {
      if (!first) *out += ',';
      first = false;
      Break(depth + 1, out);
      AppendQuoted(m->key, out);
      *out += indent_.empty() ? ":" : ": ";
      if (m->members != nullptr) {
        WriteObject(*m->members, depth + 1, out);
      } else {
        Write(*m->value, depth + 1, out);
      }
    }
    Break(depth, out);
    *out += '}';
  }

 private:
  const std::vector<std::string>& preferred_;
  std::string_view indent_;
};

}  // namespace

JsonFormat DetectFormat(std::string_view text) {
  JsonFormat format;
  format.indent.clear();
  format.newline.clear();
  size_t i = 0;
  while (i < text.size() && IsWhitespace(text[i])) ++i;
  if (text.substr(i, 2) == "{}" || text.substr(i, 2) == "[]") {
    // The EMPTY pattern applies only to the whole text; otherwise fall through.
    if (i == 0) {
      std::string_view rest = text.substr(2);
      bool newlines_only = true;
      for (char c : rest) newlines_only &= (c == '\n' || c == '\r');
      if (newlines_only) {
        return JsonFormat{"  ", rest.empty() ? "\n" : std::string(rest)};
      }
    }
  }
  if (i < text.size() && (text[i] == '{' || text[i] == '[')) {
    size_t j = i + 1;
    size_t newline_start = j;
    while (j < text.size() && (text[j] == '\n' || (text[j] == '\r' && j + 1 < text.size() && text[j + 1] == '\n'))) {
      j += text[j] == '\r' ? 2 : 1;
    }
    if (j > newline_start) {
      format.newline = std::string(text.substr(newline_start, j - newline_start));
      size_t k = j;
      while (k < text.size() && IsWhitespace(text[k])) ++k;
      format.indent = std::string(text.substr(j, k - j));
    }
  }
  // Shrinkwrap#toString: `this.indent || 2` and `this.newline || '\n'`.
  if (format.indent.empty()) format.indent = "  ";
  if (format.newline.empty()) format.newline = "\n";
  return format;
}

// Whether any of the 8 bytes at `p` is below 0x20, a quote or a backslash (SWAR: a byte
// is "less than n" when subtracting n borrows into its high bit).
bool MayNeedEscape(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  uint64_t control = (w - 0x20 * kOnes) & ~w & kHigh;
  return (control | has_zero(w ^ ('"' * kOnes)) | has_zero(w ^ ('\\' * kOnes))) != 0;
}

void AppendQuoted(std::string_view s, std::string* out) {
  *out += '"';
  size_t plain = 0;  // Start of the run of characters copied as they are.
  size_t i = 0;
  while (i + 8 <= s.size() && !MayNeedEscape(s.data() + i)) i += 8;
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "\\u%04x", c);
        *out += buf;
      }
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  *out += '"';
}

std::string NumberToString(double d) {
  if (!std::isfinite(d)) return "null";
  if (d == 0) return "0";
  if (d == std::trunc(d) && std::fabs(d) < 1e21) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.0f", d);
    return buf;
  }
  // Shortest round-trip digits; JS writes exponents without a plus sign padding.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d);
  std::string s(buf, end);
  size_t e = s.find('e');
  if (e != std::string::npos) {
    std::string mantissa = s.substr(0, e);
    std::string exponent = s.substr(e + 1);
    char sign = exponent[0] == '-' ? '-' : '+';
    if (exponent[0] == '-' || exponent[0] == '+') exponent = exponent.substr(1);
    while (exponent.size() > 1 && exponent[0] == '0') exponent = exponent.substr(1);
    s = mantissa + "e" + sign + exponent;
  }
  return s;
}

namespace {

// The writer's text, ended with a newline and converted to the format's newline.
std::string WithNewlines(std::string text, const JsonFormat& format) {
  text += '\n';
  if (format.newline == "\n") return text;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (char c : text) {
    if (c == '\n') {
      out += format.newline;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string StringifyNice(const JsonValue& value, const std::vector<std::string>& preferred_keys,
                          const JsonFormat& format) {
  std::string text;
  Writer writer(preferred_keys, format.indent);
  writer.Write(value, 0, &text);
  return WithNewlines(std::move(text), format);
}

std::string StringifyNice(const std::vector<JsonMemberRef>& members,
                          const std::vector<std::string>& preferred_keys, const JsonFormat& format) {
  std::string text;
  Writer writer(preferred_keys, format.indent);
  writer.WriteObject(members, 0, &text);
  return WithNewlines(std::move(text), format);
}

namespace {

// The members in the order JSON.stringify would visit them.
std::vector<const JsonMember*> JsOrder(const JsonValue& v) {
  std::vector<std::pair<uint64_t, const JsonMember*>> indices;
  std::vector<const JsonMember*> rest;
  for (const JsonMember& m : v.members()) {
    uint64_t n = 0;
    if (IsArrayIndex(m.key, &n)) {
      indices.emplace_back(n, &m);
    } else {
      rest.push_back(&m);
    }
  }
  std::stable_sort(indices.begin(), indices.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const JsonMember*> out;
  for (const auto& [n, m] : indices) out.push_back(m);
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

void Stringify(const JsonValue& v, std::string_view indent, std::string& prefix, std::string* out) {
  switch (v.type()) {
    case JsonValue::Type::kNull: *out += "null"; return;
    case JsonValue::Type::kBool: *out += v.bool_value() ? "true" : "false"; return;
    case JsonValue::Type::kNumber: *out += NumberToString(v.number()); return;
    case JsonValue::Type::kString: AppendQuoted(v.str(), out); return;
    case JsonValue::Type::kArray:
    case JsonValue::Type::kObject: break;
  }
  bool object = v.is_object();
  size_t count = object ? v.members().size() : v.items().size();
  if (count == 0) {
    *out += object ? "{}" : "[]";
    return;
  }
  *out += object ? '{' : '[';
  size_t outer = prefix.size();
  prefix += indent;
  // Reordered only when some key is an array index (rare): most objects are written as
  // they are, without a list of their members.
  std::vector<const JsonMember*> reordered;
  if (object) {
    uint64_t index = 0;
    for (const JsonMember& m : v.members()) {
      if (IsArrayIndex(m.key, &index)) {
        reordered = JsOrder(v);
        break;
      }
    }
  }
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) *out += ',';
    if (!indent.empty()) {
      *out += '\n';
      *out += prefix;
    }
    if (object) {
      const JsonMember& member = reordered.empty() ? v.members()[i] : *reordered[i];
      AppendQuoted(member.key, out);
      *out += indent.empty() ? ":" : ": ";
      Stringify(member.value, indent, prefix, out);
    } else {
      Stringify(v.items()[i], indent, prefix, out);
    }
  }
  prefix.resize(outer);
  if (!indent.empty()) {
    *out += '\n';
    *out += prefix;
  }
  *out += object ? '}' : ']';
}

}  // namespace

std::string StringifyJson(const JsonValue& value, std::string_view indent) {
  std::string out, prefix;
  // JSON.stringify uses at most 10 characters of a string indent.
  Stringify(value, indent.substr(0, 10), prefix, &out);
  return out;
}

}  // namespace skua::pm::lockfile
