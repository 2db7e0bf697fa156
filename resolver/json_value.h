// A parsed JSON value that keeps object keys in document order, because "exports" and
// "imports" condition objects are matched in insertion order. Only package.json fields
// the resolver needs ("exports", "imports") are kept in this form.
#ifndef SKUA_RESOLVER_JSON_VALUE_H_
#define SKUA_RESOLVER_JSON_VALUE_H_

#include <string>
#include <string_view>
#include <vector>

namespace skua::resolver {

class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  JsonValue() = default;
  static JsonValue Null() { return JsonValue(); }
  static JsonValue Bool(bool value);
  static JsonValue Number(double value);
  static JsonValue String(std::string value);
  static JsonValue Array();
  static JsonValue Object();

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  bool bool_value() const { return bool_; }
  double number_value() const { return number_; }
  const std::string& string_value() const { return string_; }

  // Array elements, or object values (parallel to keys()).
  const std::vector<JsonValue>& items() const { return items_; }
  const std::vector<std::string>& keys() const { return keys_; }

  // Object lookup; nullptr when absent.
  const JsonValue* Find(std::string_view key) const;

  void Append(JsonValue value) { items_.push_back(std::move(value)); }
  // JSON.parse semantics for duplicate keys: the last value wins, the first position stays.
  void Set(std::string key, JsonValue value);

  // JavaScript truthiness (used where Node writes `if (imports)`).
  bool Truthy() const;

  // JSON.stringify(value) without whitespace, as Node prints targets in error messages.
  std::string Stringify() const;

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<std::string> keys_;
  std::vector<JsonValue> items_;
};

// Number → string as JavaScript's Number.prototype.toString does for common values.
std::string FormatJsNumber(double value);

// JSON string literal with JSON.stringify's escaping.
std::string JsonQuote(std::string_view text);

}  // namespace skua::resolver

#endif  // SKUA_RESOLVER_JSON_VALUE_H_
