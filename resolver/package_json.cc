// package.json parsing with simdjson's error-code API (no exceptions), converted into an
// order-preserving JsonValue for the two fields that need structure.
#include "resolver/package_json.h"

#include <simdjson.h>

namespace skua::resolver {

namespace {

JsonValue Convert(simdjson::dom::element element) {
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
      JsonValue object = JsonValue::Object();
      simdjson::dom::object fields;
      if (element.get_object().get(fields) != simdjson::SUCCESS) return object;
      for (simdjson::dom::key_value_pair field : fields) {
        object.Set(std::string(field.key), Convert(field.value));
      }
      return object;
    }
    case simdjson::dom::element_type::ARRAY: {
      JsonValue array = JsonValue::Array();
      simdjson::dom::array items;
      if (element.get_array().get(items) != simdjson::SUCCESS) return array;
      for (simdjson::dom::element item : items) array.Append(Convert(item));
      return array;
    }
    case simdjson::dom::element_type::STRING: {
      std::string_view text;
      if (element.get_string().get(text) != simdjson::SUCCESS) return JsonValue::Null();
      return JsonValue::String(std::string(text));
    }
    case simdjson::dom::element_type::INT64: {
      int64_t v = 0;
      if (element.get_int64().get(v) != simdjson::SUCCESS) return JsonValue::Null();
      return JsonValue::Number(static_cast<double>(v));
    }
    case simdjson::dom::element_type::UINT64: {
      uint64_t v = 0;
      if (element.get_uint64().get(v) != simdjson::SUCCESS) return JsonValue::Null();
      return JsonValue::Number(static_cast<double>(v));
    }
    case simdjson::dom::element_type::DOUBLE: {
      double v = 0;
      if (element.get_double().get(v) != simdjson::SUCCESS) return JsonValue::Null();
      return JsonValue::Number(v);
    }
    case simdjson::dom::element_type::BOOL: {
      bool v = false;
      if (element.get_bool().get(v) != simdjson::SUCCESS) return JsonValue::Null();
      return JsonValue::Bool(v);
    }
    case simdjson::dom::element_type::NULL_VALUE:
      return JsonValue::Null();
  }
  return JsonValue::Null();
}

}  // namespace

bool ParsePackageJson(std::string_view text, PackageConfig* config, std::string* detail) {
  // Node strips a UTF-8 byte order mark before JSON.parse.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // One parser per thread: it owns growable buffers worth reusing across files.
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  simdjson::dom::element root;
  simdjson::error_code error = parser.parse(padded).get(root);
  if (error != simdjson::SUCCESS) {
    // Differs from Node 20: V8's JSON.parse wording ("Unexpected token … in JSON at
    // position N") is not reproduced; simdjson's description is used instead.
    *detail = simdjson::error_message(error);
    return false;
  }
  config->exists = true;
  // A package.json that is valid JSON but not an object has no fields for us.
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return true;
  // Iterate rather than look up: duplicate keys must resolve as in JSON.parse (last wins).
  for (simdjson::dom::key_value_pair field : object) {
    std::string_view key = field.key;
    simdjson::dom::element value = field.value;
    if (key == "name" || key == "main") {
      std::string_view text_value;
      std::optional<std::string>& slot = key == "name" ? config->name : config->main;
      if (value.get_string().get(text_value) == simdjson::SUCCESS) {
        slot = std::string(text_value);
      } else {
        slot.reset();
      }
    } else if (key == "type") {
      std::string_view type;
      config->type = PackageType::kNone;
      if (value.get_string().get(type) == simdjson::SUCCESS) {
        if (type == "module") config->type = PackageType::kModule;
        if (type == "commonjs") config->type = PackageType::kCommonJs;
      }
    } else if (key == "exports") {
      config->exports = Convert(value);
    } else if (key == "imports") {
      config->imports = Convert(value);
    }
  }
  return true;
}

const PackageConfig* PackageJsonCache::Read(const std::string& package_json_path,
                                            PackageJsonError* error) {
  auto found = entries_.find(package_json_path);
  if (found != entries_.end()) return found->second.get();
  auto failed = failures_.find(package_json_path);
  if (failed != failures_.end()) {
    *error = PackageJsonError{package_json_path, failed->second};
    return nullptr;
  }
  auto config = std::make_unique<PackageConfig>();
  config->path = package_json_path;
  Result<std::string> text = fs_.ReadFile(package_json_path);
  if (text.ok()) {
    std::string detail;
    if (!ParsePackageJson(*text, config.get(), &detail)) {
      failures_.emplace(package_json_path, detail);
      *error = PackageJsonError{package_json_path, std::move(detail)};
      return nullptr;
    }
  }
  const PackageConfig* result = config.get();
  entries_.emplace(package_json_path, std::move(config));
  return result;
}

}  // namespace skua::resolver
