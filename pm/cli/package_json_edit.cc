#include "pm/cli/package_json_edit.h"

#include <algorithm>
#include <cstdint>

#include "pm/cli/json_error.h"
#include "pm/lockfile/collate.h"
#include "pm/lockfile/stringify.h"

namespace skua::pm::cli {

namespace {

using lockfile::JsonMember;
using lockfile::JsonValue;

bool IsJsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// json-parse-even-better-errors: `{}`/`[]` (plus newlines) keeps the default indent; else
// the newlines right after the opening bracket and the whitespace after them; else none.
void DetectIndent(std::string_view text, std::string* indent, std::string* newline) {
  if (text.substr(0, 2) == "{}" || text.substr(0, 2) == "[]") {
    std::string_view rest = text.substr(2);
    size_t i = 0;
    while (i < rest.size() && (rest[i] == '\n' || (rest[i] == '\r' && i + 1 < rest.size() && rest[i + 1] == '\n'))) {
      i += rest[i] == '\r' ? 2 : 1;
    }
    if (i == rest.size()) {
      *newline = i == 0 ? "\n" : std::string(rest);
      *indent = "  ";
      return;
    }
  }
  size_t i = 0;
  while (i < text.size() && IsJsSpace(text[i])) ++i;
  if (i < text.size() && (text[i] == '{' || text[i] == '[')) {
    size_t start = ++i;
    while (i < text.size() && (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))) {
      i += text[i] == '\r' ? 2 : 1;
    }
    if (i > start) {
      *newline = std::string(text.substr(start, i - start));
      size_t j = i;
      while (j < text.size() && IsJsSpace(text[j])) ++j;
      *indent = std::string(text.substr(i, j - i));
      return;
    }
  }
  *indent = "";
  *newline = "";
}

}  // namespace

const char* DepKindKey(DepKind kind) {
  switch (kind) {
    case DepKind::kProd: return "dependencies";
    case DepKind::kDev: return "devDependencies";
    case DepKind::kOptional: return "optionalDependencies";
    case DepKind::kPeer: return "peerDependencies";
  }
  return "dependencies";
}

Result<PackageJsonEditor> PackageJsonEditor::Parse(std::string_view text, std::string_view path) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (std::string where = DescribeJsonError(text); !where.empty()) {
    return InvalidArgument("code EJSONPARSE\nInvalid package.json " + std::string(path) + ": " + where);
  }
  Result<JsonValue> doc = lockfile::ParseJson(text, path);
  if (!doc.ok()) return doc.status();
  if (!doc->is_object()) {
    return InvalidArgument("code EJSONPARSE\nInvalid package.json " + std::string(path) +
                           ": the document is not an object");
  }
  PackageJsonEditor editor;
  editor.doc_ = std::move(doc).value();
  DetectIndent(text, &editor.indent_, &editor.newline_);
  return editor;
}

const std::string* PackageJsonEditor::Dependency(DepKind kind, std::string_view name) const {
  const JsonValue* deps = doc_.Get(DepKindKey(kind));
  if (deps == nullptr || !deps->is_object()) return nullptr;
  const JsonValue* spec = deps->Get(name);
  return spec != nullptr && spec->is_string() ? &spec->str() : nullptr;
}

void PackageJsonEditor::SetDependency(DepKind kind, std::string_view name, std::string_view spec) {
  JsonValue* deps = doc_.GetMutable(DepKindKey(kind));
  if (deps == nullptr || !deps->is_object()) {
    doc_.Set(DepKindKey(kind), JsonValue::Object());
    deps = doc_.GetMutable(DepKindKey(kind));
  }
  deps->Set(name, JsonValue::String(std::string(spec)));
  Normalize();
}

bool PackageJsonEditor::RemoveDependency(DepKind kind, std::string_view name) {
  JsonValue* deps = doc_.GetMutable(DepKindKey(kind));
  if (deps == nullptr || !deps->is_object() || !deps->Remove(name)) return false;
  // A peer's meta goes with it (the object too, once empty), as npm's rm does.
  JsonValue* meta = kind == DepKind::kPeer ? doc_.GetMutable("peerDependenciesMeta") : nullptr;
  if (meta != nullptr && meta->is_object() && meta->Remove(name) && meta->members().empty()) {
    doc_.Remove("peerDependenciesMeta");
  }
  Normalize();
  return true;
}

bool PackageJsonEditor::RemoveBundled(std::string_view name) {
  JsonValue* bundled = doc_.GetMutable("bundleDependencies");
  if (bundled == nullptr || !bundled->is_array()) return false;
  std::vector<JsonValue>& items = bundled->items();
  auto named = [name](const JsonValue& v) { return v.is_string() && v.str() == name; };
  auto end = std::remove_if(items.begin(), items.end(), named);
  if (end == items.end()) return false;
  items.erase(end, items.end());
  if (items.empty()) doc_.Remove("bundleDependencies");
  return true;
}

// @npmcli/package-json's updateDependencies: every dependency object sorted by name, an
// empty one removed.
void PackageJsonEditor::Normalize() {
  for (DepKind kind : kAllDepKinds) {
    JsonValue* deps = doc_.GetMutable(DepKindKey(kind));
    if (deps == nullptr || !deps->is_object()) continue;
    if (deps->members().empty()) {
      doc_.Remove(DepKindKey(kind));
      continue;
    }
    std::stable_sort(deps->members().begin(), deps->members().end(),
                     [](const JsonMember& a, const JsonMember& b) {
                       return lockfile::LocaleCompare(a.key, b.key) < 0;
                     });
  }
}

void PackageJsonEditor::SetKey(std::string_view key, JsonValue value) { doc_.Set(key, std::move(value)); }

bool PackageJsonEditor::RemoveKey(std::string_view key) { return doc_.Remove(key); }

std::string PackageJsonEditor::Serialize() const {
  std::string text = StringifyJson(doc_, indent_) + "\n";
  if (newline_ == "\n") return text;
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += newline_;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace skua::pm::cli
