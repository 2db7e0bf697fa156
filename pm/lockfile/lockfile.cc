// Reading and writing package-lock.json v3.
#include "pm/lockfile/lockfile.h"

#include <cmath>

namespace skua::pm::lockfile {

std::string NameFromLocation(std::string_view location) {
  size_t at = location.rfind("node_modules/");
  std::string_view name = at == std::string_view::npos ? location : location.substr(at + 13);
  if (at == std::string_view::npos) {
    // A workspace folder or the root: the last path segment.
    size_t slash = name.rfind('/');
    if (slash != std::string_view::npos) name = name.substr(slash + 1);
  }
  return std::string(name);
}

std::string LockEntry::PackageName() const {
  std::string name = meta.GetString("name");
  return name.empty() ? NameFromLocation(location) : name;
}

const LockEntry* Lockfile::Find(std::string_view location) const {
  for (const LockEntry& e : packages) {
    if (e.location == location) return &e;
  }
  return nullptr;
}

const std::vector<std::string>& LockfileKeyOrder() {
  static const std::vector<std::string> order = {
      "name", "version", "lockfileVersion", "resolved", "integrity", "requires", "packages", "dependencies",
  };
  return order;
}

Result<Lockfile> ParseLockfile(std::string_view text, std::string_view path) {
  Result<JsonValue> doc = ParseJson(text, path);
  if (!doc.ok()) return doc.status();
  if (!doc->is_object()) return InvalidArgument(std::string(path) + ": a lockfile must be a JSON object");
  Lockfile lock;
  lock.name = doc->GetString("name");
  lock.version = doc->GetString("version");
  const JsonValue* version = doc->Get("lockfileVersion");
  int n = version && version->type() == JsonValue::Type::kNumber ? static_cast<int>(version->number()) : 1;
  lock.lockfile_version = n;
  const JsonValue* packages = doc->Get("packages");
  if (n < 2 || !packages || !packages->is_object()) {
    return InvalidArgument(std::string(path) + ": unsupported lockfile version " + std::to_string(n) +
                           "; run `skua install` to upgrade it");
  }
  for (const JsonMember& m : packages->members()) {
    if (!m.value.is_object()) continue;  // npm skips malformed entries as well.
    lock.packages.push_back(LockEntry{m.key, m.value});
  }
  // npm writes v3 from whatever it read; so do we.
  lock.lockfile_version = 3;
  return lock;
}

std::string SerializeLockfile(const Lockfile& lock, const JsonFormat& format) {
  JsonValue doc = JsonValue::Object();
  if (!lock.name.empty()) doc.Set("name", JsonValue::String(lock.name));
  if (!lock.version.empty()) doc.Set("version", JsonValue::String(lock.version));
  doc.Set("lockfileVersion", JsonValue::Number(lock.lockfile_version));
  doc.Set("requires", JsonValue::Bool(true));
  JsonValue packages = JsonValue::Object();
  for (const LockEntry& e : lock.packages) packages.Set(e.location, e.meta);
  doc.Set("packages", std::move(packages));
  return StringifyNice(doc, LockfileKeyOrder(), format);
}

}  // namespace skua::pm::lockfile
