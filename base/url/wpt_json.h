// A minimal JSON reader for the web-platform-tests data files (test-only). Strings come
// out as UTF-8 with lone surrogates replaced by U+FFFD, as a USVString conversion does.
#ifndef SKUA_BASE_URL_WPT_JSON_H_
#define SKUA_BASE_URL_WPT_JSON_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skua::url::testing {

struct Json {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> array;
  std::map<std::string, Json> object;

  bool IsString() const { return type == Type::kString; }
  bool IsObject() const { return type == Type::kObject; }
  // The member `key` of an object, or nullptr.
  const Json* Get(const std::string& key) const {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &it->second;
  }
};

// Parses `text`; nullopt on malformed input.
std::optional<Json> ParseJson(std::string_view text);

// Reads a file below the test's runfiles directory; "" if it cannot.
std::string ReadTestFile(const std::string& path);

}  // namespace skua::url::testing

#endif  // SKUA_BASE_URL_WPT_JSON_H_
