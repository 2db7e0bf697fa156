// JsonValue and its simdjson-backed parser.
#include "pm/lockfile/json_value.h"

#include <simdjson.h>

#include <cmath>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace skua::pm::lockfile {

JsonValue JsonValue::Bool(bool b) {
  JsonValue v;
  v.type_ = Type::kBool;
  v.bool_ = b;
  return v;
}

JsonValue JsonValue::Number(double d) {
  JsonValue v;
  v.type_ = Type::kNumber;
  v.number_ = d;
  return v;
}

JsonValue JsonValue::String(std::string s) {
  JsonValue v;
  v.type_ = Type::kString;
  v.string_ = std::move(s);
  return v;
}

JsonValue JsonValue::Array() {
  JsonValue v;
  v.type_ = Type::kArray;
  return v;
}

JsonValue JsonValue::Object() {
  JsonValue v;
  v.type_ = Type::kObject;
  return v;
}

const JsonValue* JsonValue::Get(std::string_view key) const {
  for (const JsonMember& m : object_) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

JsonValue* JsonValue::GetMutable(std::string_view key) {
  for (JsonMember& m : object_) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

void JsonValue::Set(std::string_view key, JsonValue value) {
  if (JsonValue* existing = GetMutable(key)) {
    *existing = std::move(value);
    return;
  }
  object_.push_back(JsonMember{std::string(key), std::move(value)});
}

void JsonValue::Append(std::string_view key, JsonValue value) {
  object_.push_back(JsonMember{std::string(key), std::move(value)});
}

bool JsonValue::Remove(std::string_view key) {
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (it->key == key) {
      object_.erase(it);
      return true;
    }
  }
  return false;
}

std::string JsonValue::GetString(std::string_view key) const {
  const JsonValue* v = Get(key);
  return v && v->is_string() ? v->str() : std::string();
}

bool JsonValue::GetBool(std::string_view key) const {
  const JsonValue* v = Get(key);
  return v && v->type() == Type::kBool && v->bool_value();
}

bool JsonValue::Truthy() const {
  switch (type_) {
    case Type::kNull:
      return false;
    case Type::kBool:
      return bool_;
    case Type::kNumber:
      return number_ != 0 && !std::isnan(number_);
    case Type::kString:
      return !string_.empty();
    case Type::kArray:
    case Type::kObject:
      return true;
  }
  return false;
}

bool operator==(const JsonValue& a, const JsonValue& b) {
  if (a.type_ != b.type_) return false;
  switch (a.type_) {
    case JsonValue::Type::kNull:
      return true;
    case JsonValue::Type::kBool:
      return a.bool_ == b.bool_;
    case JsonValue::Type::kNumber:
      return a.number_ == b.number_;
    case JsonValue::Type::kString:
      return a.string_ == b.string_;
    case JsonValue::Type::kArray:
      return a.array_ == b.array_;
    case JsonValue::Type::kObject:
      if (a.object_.size() != b.object_.size()) return false;
      for (size_t i = 0; i < a.object_.size(); ++i) {
        if (a.object_[i].key != b.object_[i].key || !(a.object_[i].value == b.object_[i].value)) {
          return false;
        }
      }
      return true;
  }
  return false;
}

namespace {

// Objects with this many members are searched for repeated keys through an index.
constexpr size_t kIndexedObjectSize = 16;

// The error-code API only: skua builds may turn exceptions off. The type switch makes
// each get() below infallible.
JsonValue Convert(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
      JsonValue object = JsonValue::Object();
      simdjson::dom::object fields;
      if (e.get_object().get(fields) != simdjson::SUCCESS) return JsonValue();
      // A repeated key keeps its first place and takes the last value, as JSON.parse
      // does: looked for member by member in small objects, through an index of the
      // parsed document's keys in large ones (a lockfile's `packages`: searching it
      // member by member cost more than parsing).
      if (fields.size() < kIndexedObjectSize) {
        for (auto field : fields) object.Set(field.key, Convert(field.value));
        return object;
      }
      std::vector<JsonMember>& members = object.members();
      members.reserve(fields.size());
      std::unordered_map<std::string_view, size_t> index;
      for (auto field : fields) {
        auto [at, fresh] = index.try_emplace(field.key, members.size());
        if (fresh) {
          object.Append(field.key, Convert(field.value));
        } else {
          members[at->second].value = Convert(field.value);
        }
      }
      return object;
    }
    case simdjson::dom::element_type::ARRAY: {
      JsonValue array = JsonValue::Array();
      simdjson::dom::array items;
      if (e.get_array().get(items) != simdjson::SUCCESS) return JsonValue();
      for (simdjson::dom::element item : items) array.Push(Convert(item));
      return array;
    }
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      if (e.get_string().get(s) != simdjson::SUCCESS) return JsonValue();
      return JsonValue::String(std::string(s));
    }
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: {
      double d = 0;
      if (e.get_double().get(d) != simdjson::SUCCESS) return JsonValue();
      return JsonValue::Number(d);
    }
    case simdjson::dom::element_type::BOOL: {
      bool b = false;
      if (e.get_bool().get(b) != simdjson::SUCCESS) return JsonValue();
      return JsonValue::Bool(b);
    }
    case simdjson::dom::element_type::NULL_VALUE:
      return JsonValue();
  }
  return JsonValue();
}

}  // namespace

Result<JsonValue> ParseJson(std::string_view text, std::string_view what) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root); error != simdjson::SUCCESS) {
    return InvalidArgument(std::string("Invalid JSON in ") + std::string(what) + ": " +
                           simdjson::error_message(error));
  }
  return Convert(root);
}

}  // namespace skua::pm::lockfile
