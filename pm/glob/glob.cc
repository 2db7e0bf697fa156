#include "pm/glob/glob.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace skua::pm::glob {

std::vector<std::string> ExpandBraces(const std::string& pattern) {
  size_t open = pattern.find('{');
  if (open == std::string::npos) return {pattern};
  int depth = 0;
  std::vector<size_t> commas;
  size_t close = std::string::npos;
  for (size_t i = open; i < pattern.size() && close == std::string::npos; ++i) {
    if (pattern[i] == '{') ++depth;
    if (pattern[i] == '}' && --depth == 0) close = i;
    if (pattern[i] == ',' && depth == 1) commas.push_back(i);
  }
  if (close == std::string::npos || commas.empty()) return {pattern};
  std::vector<std::string> out;
  size_t begin = open + 1;
  commas.push_back(close);
  for (size_t comma : commas) {
    std::string alt = pattern.substr(0, open) + pattern.substr(begin, comma - begin) + pattern.substr(close + 1);
    for (std::string& e : ExpandBraces(alt)) out.push_back(std::move(e));
    begin = comma + 1;
  }
  return out;
}

bool HasMagic(std::string_view segment) { return segment.find_first_of("*?[") != std::string_view::npos; }

bool MatchSegment(std::string_view pat, std::string_view name, SegmentOptions options) {
  if (!options.dot && !name.empty() && name[0] == '.' && (pat.empty() || pat[0] != '.')) return false;
  auto fold = [&](char c) {
    return options.ignore_case ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
  };
  if (!HasMagic(pat)) {
    return pat.size() == name.size() &&
           std::equal(pat.begin(), pat.end(), name.begin(), [&](char a, char b) { return fold(a) == fold(b); });
  }
  if (name.empty()) return false;
  std::function<bool(size_t, size_t)> match = [&](size_t p, size_t n) -> bool {
    while (p < pat.size()) {
      char c = pat[p];
      if (c == '*') {
        while (p < pat.size() && pat[p] == '*') ++p;
        for (size_t k = n; k <= name.size(); ++k) {
          if (match(p, k)) return true;
        }
        return false;
      }
      if (n >= name.size()) return false;
      if (c == '?') {
        ++p, ++n;
        continue;
      }
      if (c == '[') {
        size_t end = pat.find(']', p + 2);
        if (end != std::string_view::npos) {
          bool negate = pat[p + 1] == '!' || pat[p + 1] == '^';
          bool found = false;
          char ch = fold(name[n]);
          for (size_t i = p + 1 + negate; i < end; ++i) {
            if (i + 2 < end && pat[i + 1] == '-') {
              found |= ch >= fold(pat[i]) && ch <= fold(pat[i + 2]);
              i += 2;
            } else {
              found |= ch == fold(pat[i]);
            }
          }
          if (found == negate) return false;
          p = end + 1, ++n;
          continue;
        }
      }
      if (c == '\\' && p + 1 < pat.size()) c = pat[++p];
      if (fold(c) != fold(name[n])) return false;
      ++p, ++n;
    }
    return n == name.size();
  };
  return match(0, 0);
}

}  // namespace skua::pm::glob
