// An ordered JSON document model for files skua rewrites byte for byte (package-lock.json,
// package.json): objects keep their members in document order so that a writer can apply
// npm's own ordering rules, and numbers keep JSON.parse's double semantics.
#ifndef SKUA_PM_LOCKFILE_JSON_VALUE_H_
#define SKUA_PM_LOCKFILE_JSON_VALUE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace skua::pm::lockfile {

class JsonValue;

// One object member. Declared before JsonValue is complete: std::vector accepts an
// incomplete element type.
struct JsonMember;

class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  JsonValue() = default;  // null
  static JsonValue Bool(bool b);
  static JsonValue Number(double d);
  static JsonValue String(std::string s);
  static JsonValue Array();
  static JsonValue Object();

  Type type() const { return type_; }
  bool is_object() const { return type_ == Type::kObject; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_string() const { return type_ == Type::kString; }

  bool bool_value() const { return bool_; }
  double number() const { return number_; }
  const std::string& str() const { return string_; }
  const std::vector<JsonValue>& items() const { return array_; }
  std::vector<JsonValue>& items() { return array_; }
  const std::vector<JsonMember>& members() const { return object_; }
  std::vector<JsonMember>& members() { return object_; }

  // Object access. Get returns null when absent or not an object. Set replaces an
  // existing member in place (JS assignment keeps the key's position) or appends.
  const JsonValue* Get(std::string_view key) const;
  JsonValue* GetMutable(std::string_view key);
  void Set(std::string_view key, JsonValue value);
  // Set for a key the caller knows is absent (an object built from unique keys): no search.
  void Append(std::string_view key, JsonValue value);
  bool Remove(std::string_view key);
  // The string at `key`, or empty.
  std::string GetString(std::string_view key) const;
  bool GetBool(std::string_view key) const;

  void Push(JsonValue value) { array_.push_back(std::move(value)); }

  // JS truthiness, as npm's `if (val)` checks use it: false, 0, NaN, "" and null are
  // falsy; every array and object is truthy.
  bool Truthy() const;

  friend bool operator==(const JsonValue& a, const JsonValue& b);

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<JsonValue> array_;
  std::vector<JsonMember> object_;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// JSON.parse semantics: a repeated key keeps its first position and its last value. A
// leading BOM is skipped. `what` names the file in the error ("package-lock.json").
Result<JsonValue> ParseJson(std::string_view text, std::string_view what);

}  // namespace skua::pm::lockfile

#endif  // SKUA_PM_LOCKFILE_JSON_VALUE_H_
