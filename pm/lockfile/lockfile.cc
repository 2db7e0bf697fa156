// Reading and writing package-lock.json v3.
#include "pm/lockfile/lockfile.h"

#include <cmath>

namespace skua::pm::lockfile {
namespace {

// A minimal scanner over JSON that SerializeLockfile wrote (so well-formed); each
// function returns the position after what it skipped, or npos.
constexpr size_t kNone = std::string_view::npos;

size_t SkipSpace(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) ++i;
  return i;
}

size_t SkipString(std::string_view t, size_t i) {
  for (++i; i < t.size(); ++i) {
    if (t[i] == '\\') {
      ++i;
    } else if (t[i] == '"') {
      return i + 1;
    }
  }
  return kNone;
}

size_t SkipValue(std::string_view t, size_t i) {
  if (i >= t.size()) return kNone;
  if (t[i] == '"') return SkipString(t, i);
  if (t[i] != '{' && t[i] != '[') {
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && SkipSpace(t, i) == i) ++i;
    return i;
  }
  int depth = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == '"') {
      i = SkipString(t, i);
      if (i == kNone) return kNone;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']') && --depth == 0) return i + 1;
    ++i;
  }
  return kNone;
}

// ResolveLocation's walk: `found(candidate)` for each location Node's lookup tries for
// `name` from `from`, nearest first, built in `candidate`, until one answers true.
template <typename Found>
bool WalkUp(std::string_view from, std::string_view name, std::string* candidate, const Found& found) {
  while (true) {
    candidate->assign(from);
    if (!from.empty()) *candidate += '/';
    *candidate += "node_modules/";
    *candidate += name;
    if (found(*candidate)) return true;
    if (from.empty()) return false;
    size_t at = from.rfind("/node_modules/");
    from = at == std::string_view::npos ? std::string_view() : from.substr(0, at);
  }
}

}  // namespace

std::optional<std::string> HiddenLockfileText(std::string_view t, const std::set<std::string>& left_out) {
  size_t i = SkipSpace(t, 0);
  if (i >= t.size() || t[i] != '{') return std::nullopt;
  // The top-level members, up to "packages".
  for (i = SkipSpace(t, i + 1); i < t.size() && t[i] == '"'; i = SkipSpace(t, i + 1)) {
    size_t key_end = SkipString(t, i);
    if (key_end == kNone) return std::nullopt;
    std::string_view key = t.substr(i + 1, key_end - i - 2);
    size_t value = SkipSpace(t, key_end);
    if (value >= t.size() || t[value] != ':') return std::nullopt;
    value = SkipSpace(t, value + 1);
    if (key == "packages") {
      if (value >= t.size() || t[value] != '{') return std::nullopt;
      // Each entry kept with what precedes it after the brace or comma (its line break
      // and indentation), which is the same wherever it stands.
      std::string out(t.substr(0, value + 1));
      bool kept = false;
      for (size_t from = value + 1;;) {
        size_t entry = SkipSpace(t, from);
        if (entry >= t.size() || t[entry] != '"') return std::nullopt;
        size_t entry_key_end = SkipString(t, entry);
        if (entry_key_end == kNone) return std::nullopt;
        std::string_view location = t.substr(entry + 1, entry_key_end - entry - 2);
        if (location.find('\\') != std::string_view::npos) return std::nullopt;
        size_t colon = SkipSpace(t, entry_key_end);
        if (colon >= t.size() || t[colon] != ':') return std::nullopt;
        size_t end = SkipValue(t, SkipSpace(t, colon + 1));
        if (end == kNone) return std::nullopt;
        if (!location.empty() && (left_out.empty() || !left_out.contains(std::string(location)))) {
          if (kept) out += ',';
          out += t.substr(from, end - from);
          kept = true;
        }
        size_t next = SkipSpace(t, end);
        if (next >= t.size()) return std::nullopt;
        if (t[next] == '}') {
          if (!kept) return std::nullopt;
          out += t.substr(end);  // The closing brace's indentation, and the rest.
          return out;
        }
        if (t[next] != ',') return std::nullopt;
        from = next + 1;
      }
    }
    i = SkipSpace(t, SkipValue(t, value));
    if (i >= t.size() || t[i] != ',') return std::nullopt;
  }
  return std::nullopt;
}

int LocationDepth(std::string_view location) {
  int depth = -1;
  for (size_t at = 0; (at = location.find("node_modules/", at)) != std::string_view::npos; ++at) ++depth;
  return depth;
}

std::string HolderLocation(std::string_view location) {
  size_t at = location.rfind("node_modules/");
  return at == 0 || at == std::string_view::npos ? "" : std::string(location.substr(0, at - 1));
}

bool InDependencyBundle(const LocationIndex& index, std::string_view location) {
  const LockEntry* self = index.Find(location);
  if (self == nullptr || !self->meta.GetBool("inBundle")) return false;
  for (std::string holder = HolderLocation(location); !holder.empty(); holder = HolderLocation(holder)) {
    const LockEntry* entry = index.Find(holder);
    if (entry == nullptr || !entry->meta.GetBool("inBundle")) return true;
  }
  return false;
}

bool IsInside(std::string_view location, std::string_view folder) {
  return location.size() > folder.size() && location[folder.size()] == '/' && location.starts_with(folder);
}

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

std::string ResolveLocation(std::string from, std::string_view name,
                            const std::function<bool(const std::string&)>& exists) {
  std::string candidate;
  return WalkUp(from, name, &candidate, exists) ? candidate : std::string();
}

bool IsTopLocation(std::string_view location) {
  return !location.starts_with("node_modules/") && location.find("/node_modules/") == std::string_view::npos;
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

LocationIndex::LocationIndex(const Lockfile& lock) {
  entries_.reserve(lock.packages.size());
  for (const LockEntry& e : lock.packages) entries_.emplace(e.location, &e);
}

const LockEntry* LocationIndex::Find(std::string_view location) const {
  auto it = entries_.find(location);
  return it == entries_.end() ? nullptr : it->second;
}

// Runs for every edge of a lockfile: no function object, one buffer.
const LockEntry* LocationIndex::Resolve(std::string_view from, std::string_view name) const {
  std::string candidate;
  const LockEntry* entry = nullptr;
  WalkUp(from, name, &candidate, [&](const std::string& at) { return (entry = Find(at)) != nullptr; });
  return entry;
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
  // The entries are written where they are, not copied into a document first.
  std::vector<JsonMemberRef> packages;
  packages.reserve(lock.packages.size());
  for (const LockEntry& e : lock.packages) packages.push_back({e.location, &e.meta});
  JsonValue name = JsonValue::String(lock.name), version = JsonValue::String(lock.version);
  JsonValue lockfile_version = JsonValue::Number(lock.lockfile_version), requires_true = JsonValue::Bool(true);
  std::vector<JsonMemberRef> doc;
  if (!lock.name.empty()) doc.push_back({"name", &name});
  if (!lock.version.empty()) doc.push_back({"version", &version});
  doc.push_back({"lockfileVersion", &lockfile_version});
  doc.push_back({"requires", &requires_true});
  doc.push_back({"packages", nullptr, &packages});
  return StringifyNice(doc, LockfileKeyOrder(), format);
}

}  // namespace skua::pm::lockfile
