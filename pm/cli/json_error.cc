#include "pm/cli/json_error.h"

#include <cstring>

namespace skua::pm::cli {

namespace {

// A recursive-descent JSON checker that stops at the first error.
class Checker {
 public:
  explicit Checker(std::string_view text) : s_(text) {}

  bool Document() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    Space();
    if (!Value(0)) return false;
    Space();
    return pos_ == s_.size() || Fail();
  }
  size_t pos() const { return pos_; }

 private:
  bool Fail() { return false; }
  void Space() {
    while (pos_ < s_.size() && std::strchr(" \t\r\n", s_[pos_]) != nullptr && s_[pos_] != 0) ++pos_;
  }
  bool Literal(const char* word) {
    size_t n = std::strlen(word);
    if (s_.substr(pos_, n) != word) return Fail();
    pos_ += n;
    return true;
  }
  bool String() {
    ++pos_;  // Opening quote.
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return Fail();
      if (c == '\\') {
        ++pos_;
        if (pos_ >= s_.size() || std::strchr("\"\\/bfnrtu", s_[pos_]) == nullptr) return Fail();
      }
      ++pos_;
    }
    return Fail();
  }
  bool Number() {
    size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    while (pos_ < s_.size() && std::strchr("0123456789.eE+-", s_[pos_]) && s_[pos_] != 0) ++pos_;
    return pos_ > start + (s_[start] == '-' ? 1 : 0) || Fail();
  }
  bool Value(int depth) {
    if (depth > 512 || pos_ >= s_.size()) return Fail();
    char c = s_[pos_];
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++pos_;
      Space();
      if (pos_ < s_.size() && s_[pos_] == close) return ++pos_, true;
      while (true) {
        if (c == '{') {
          if (pos_ >= s_.size() || s_[pos_] != '"' || !String()) return Fail();
          Space();
          if (pos_ >= s_.size() || s_[pos_] != ':') return Fail();
          ++pos_;
          Space();
        }
        if (!Value(depth + 1)) return false;
        Space();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          Space();
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == close) return ++pos_, true;
        return Fail();
      }
    }
    if (c == '"') return String();
    if (c == 't') return Literal("true");
    if (c == 'f') return Literal("false");
    if (c == 'n') return Literal("null");
    if (c == '-' || (c >= '0' && c <= '9')) return Number();
    return Fail();
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

std::string DescribeJsonError(std::string_view text) {
  Checker checker(text);
  if (checker.Document()) return "";
  size_t pos = checker.pos();
  size_t line = 1, column = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  std::string what = pos >= text.size() ? "Unexpected end of JSON input"
                                        : "Unexpected token " + std::string(1, text[pos]) +
                                              " in JSON at position " + std::to_string(pos);
  return what + " (line " + std::to_string(line) + " column " + std::to_string(column) + ")";
}

}  // namespace skua::pm::cli
