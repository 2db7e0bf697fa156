// Packument parsing: simdjson's On-Demand API indexes the document (document-level
// fields, and per version its key and the bytes of its object); the DOM API reads a
// version's manifest from those bytes when it is first asked for.
#include "pm/registry/packument.h"

#include <simdjson.h>

#include <cstdio>
#include <limits>
#include <unordered_map>

namespace skua::pm::registry {

namespace {

namespace ondemand = simdjson::ondemand;

Status InvalidJson(std::string_view name, simdjson::error_code error) {
  return InvalidArgument("Invalid JSON in the registry response for " + std::string(name) + ": " +
                         simdjson::error_message(error));
}

// Reads an object of strings into `map`; entries of another type are skipped. A repeated
// key keeps its first position and its last value.
simdjson::error_code ReadStrings(ondemand::value value, StringMap* map) {
  ondemand::object object;
  if (auto error = value.get_object().get(object)) {
    return error == simdjson::INCORRECT_TYPE ? simdjson::SUCCESS : error;
  }
  std::unordered_map<std::string_view, size_t> index;
  for (auto result : object) {
    ondemand::field field;
    std::string_view key;
    std::string_view text;
    if (auto error = std::move(result).get(field)) return error;
    if (auto error = field.unescaped_key().get(key)) return error;
    if (auto error = field.value().get_string().get(text)) {
      if (error == simdjson::INCORRECT_TYPE) continue;
      return error;
    }
    auto [it, inserted] = index.emplace(key, map->size());
    if (inserted) {
      map->emplace_back(std::string(key), std::string(text));
    } else {
      (*map)[it->second].second = std::string(text);
    }
  }
  return simdjson::SUCCESS;
}

}  // namespace

Packument::Packument(const Packument& other)
    : name(other.name),
      modified(other.modified),
      dist_tags(other.dist_tags),
      text_(other.text_),
      text_size_(other.text_size_),
      time_begin_(other.time_begin_),
      time_size_(other.time_size_),
      time_(other.time_) {
  versions_.reserve(other.versions_.size());
  for (const Version& v : other.versions_) versions_.push_back({v.key, v.begin, v.size, nullptr});
}

Packument& Packument::operator=(const Packument& other) {
  if (this != &other) *this = Packument(other);
  return *this;
}

Packument::~Packument() = default;

std::optional<size_t> Packument::IndexOf(std::string_view version) const {
  // Keys are unique; from the end, since registries list versions in publish order and
  // the versions looked up (dist-tags, exact specs) are mostly recent ones.
  for (size_t i = versions_.size(); i-- > 0;) {
    if (versions_[i].key == version) return i;
  }
  return std::nullopt;
}

Result<Manifest> Packument::Read(size_t i, ManifestFields fields) const {
  // A parser per thread: its buffers grow to the largest version object read, which is
  // small next to a document.
  thread_local simdjson::dom::parser parser;
  const Version& v = versions_[i];
  simdjson::dom::element object;
  // In place: the bytes after the object (the rest of the document, then the padding)
  // satisfy simdjson's padding rule.
  auto bytes = reinterpret_cast<const uint8_t*>(text_.get()) + v.begin;
  if (auto error = parser.parse(bytes, v.size, false).get(object)) {
    return InvalidJson(name + "@" + v.key, error);
  }
  Manifest m = ReadManifest(object, name, fields);
  m.version = v.key;
  return m;
}

Result<const Manifest*> Packument::ManifestAt(size_t i) const {
  const Version& v = versions_[i];
  if (!v.manifest) {
    Result<Manifest> m = Read(i, ManifestFields::kPackumentVersion);
    if (!m.ok()) return m.status();
    v.manifest = std::make_unique<const Manifest>(std::move(m).value());
  }
  return v.manifest.get();
}

Result<Manifest> Packument::SelectionFieldsAt(size_t i) const {
  return Read(i, ManifestFields::kSelection);
}

const StringMap& Packument::time() const {
  if (!time_) {
    time_.emplace();
    simdjson::dom::parser parser;
    simdjson::dom::object object;
    auto bytes = reinterpret_cast<const uint8_t*>(text_ ? text_.get() : "") + time_begin_;
    if (time_size_ > 0 &&
        parser.parse(bytes, time_size_, false).get_object().get(object) == simdjson::SUCCESS) {
      // A full document's `time` has an entry per version: index the keys (they live in
      // the parsed document) rather than scanning the map for each one.
      std::unordered_map<std::string_view, size_t> index;
      for (auto field : object) {
        std::string_view value;
        if (field.value.get_string().get(value) != simdjson::SUCCESS) continue;
        auto [it, inserted] = index.emplace(field.key, time_->size());
        if (inserted) {
          time_->emplace_back(std::string(field.key), std::string(value));
        } else {
          (*time_)[it->second].second = std::string(value);
        }
      }
    }
  }
  return *time_;
}

std::optional<size_t> Packument::RememberedPick(std::string_view key) const {
  for (const auto& [k, index] : picks_) {
    if (k == key) return index;
  }
  return std::nullopt;
}

void Packument::RememberPick(std::string key, size_t index) const {
  picks_.emplace_back(std::move(key), index);
}

const Manifest* Packument::FindVersion(std::string_view version) const {
  std::optional<size_t> i = IndexOf(version);
  if (!i) return nullptr;
  Result<const Manifest*> m = ManifestAt(*i);
  return m.ok() ? *m : nullptr;
}

Result<Packument> ParsePackument(std::string_view json, std::string_view name) {
  std::string text;
  text.reserve(json.size() + kPackumentPadding);
  text.append(json);
  return ParseOwnedPackument(std::move(text), name);
}

Result<Packument> ParseOwnedPackument(std::string json, std::string_view name) {
  static_assert(kPackumentPadding >= simdjson::SIMDJSON_PADDING);
  if (json.size() > std::numeric_limits<uint32_t>::max()) {
    return InvalidArgument("Invalid registry response for " + std::string(name) + ": too large");
  }
  // The text is kept for reading versions later, with simdjson's padding after it
  // (written, so that no byte the parser reads is uninitialised).
  const size_t size = json.size();
  json.reserve(size + kPackumentPadding);
  json.append(kPackumentPadding, ' ');
  auto text = std::make_shared<const std::string>(std::move(json));
  // A parser per call: a kept one would hold buffers sized for the largest packument on
  // every worker thread.
  ondemand::parser parser;
  ondemand::document doc;
  if (auto error = parser.iterate(text->data(), size, text->size()).get(doc)) {
    return InvalidJson(name, error);
  }
  ondemand::json_type type;
  if (auto error = doc.type().get(type)) return InvalidJson(name, error);
  if (type != ondemand::json_type::object) {
    return InvalidArgument("Invalid registry response for " + std::string(name) +
                           ": not a JSON object");
  }
  ondemand::object root;
  if (auto error = doc.get_object().get(root)) return InvalidJson(name, error);

  Packument p;
  bool have_name = false;  // A `name` that is not a string counts as none.
  bool seen_name = false, seen_modified = false, seen_tags = false, seen_time = false,
       seen_versions = false, seen_homepage = false;
  // Version keys (in the parser's string buffer) -> position in p.versions_.
  std::unordered_map<std::string_view, size_t> index;
  for (auto result : root) {
    ondemand::field field;
    std::string_view key;
    if (auto error = std::move(result).get(field)) return InvalidJson(name, error);
    if (auto error = field.unescaped_key().get(key)) return InvalidJson(name, error);
    // As a DOM lookup reads them: the first of a repeated key counts.
    simdjson::error_code error = simdjson::SUCCESS;
    if (key == "name" && !seen_name) {
      seen_name = true;
      std::string_view s;
      error = field.value().get_string().get(s);
      if (!error) {
        p.name = std::string(s);
        have_name = true;
      }
    } else if (key == "modified" && !seen_modified) {
      seen_modified = true;
      std::string_view s;
      error = field.value().get_string().get(s);
      if (!error) p.modified = std::string(s);
    } else if (key == "homepage" && !seen_homepage) {
      seen_homepage = true;
      std::string_view s;
      // Not a string: not a homepage, and not an error either.
      if (field.value().get_string().get(s) == simdjson::SUCCESS) p.homepage = std::string(s);
    } else if (key == "dist-tags" && !seen_tags) {
      seen_tags = true;
      error = ReadStrings(field.value(), &p.dist_tags);
    } else if (key == "time" && !seen_time) {
      // Only full documents list it, with an entry per version, and installs do not read
      // it: note where it is.
      seen_time = true;
      ondemand::object object;
      std::string_view raw;
      error = field.value().get_object().get(object);
      if (!error) error = object.raw_json().get(raw);
      if (!error) {
        p.time_begin_ = static_cast<uint32_t>(raw.data() - text->data());
        p.time_size_ = static_cast<uint32_t>(raw.size());
      }
    } else if (key == "versions" && !seen_versions) {
      seen_versions = true;
      ondemand::object versions;
      error = field.value().get_object().get(versions);
      if (error) {
        if (error == simdjson::INCORRECT_TYPE) continue;
        return InvalidJson(name, error);
      }
      for (auto entry : versions) {
        ondemand::field version;
        std::string_view version_key;
        ondemand::object object;
        std::string_view raw;
        if (auto e = std::move(entry).get(version)) return InvalidJson(name, e);
        if (auto e = version.unescaped_key().get(version_key)) return InvalidJson(name, e);
        if (auto e = version.value().get_object().get(object)) {
          if (e == simdjson::INCORRECT_TYPE) continue;
          return InvalidJson(name, e);
        }
        if (auto e = object.raw_json().get(raw)) return InvalidJson(name, e);
        Packument::Version v{std::string(version_key),
                             static_cast<uint32_t>(raw.data() - text->data()),
                             static_cast<uint32_t>(raw.size()), nullptr};
        // A repeated key replaces the earlier entry (JSON.parse semantics).
        auto [it, inserted] = index.emplace(version_key, p.versions_.size());
        if (inserted) {
          p.versions_.push_back(std::move(v));
        } else {
          p.versions_[it->second] = std::move(v);
        }
      }
    }
    if (error && error != simdjson::INCORRECT_TYPE) return InvalidJson(name, error);
  }
  // Anything after the root object is malformed JSON.
  const char* end = nullptr;
  if (doc.current_location().get(end) != simdjson::OUT_OF_BOUNDS) {
    return InvalidJson(name, simdjson::TRAILING_CONTENT);
  }
  if (!have_name) p.name = std::string(name);
  p.text_ = std::shared_ptr<const char>(text, text->data());
  p.text_size_ = size;
  return p;
}

namespace {

// The index's encoding: little-endian u32 counts and lengths, strings as length + bytes.
void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void PutString(std::string& out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out += s;
}

// Reads what PutU32/PutString wrote; any overrun sets `bad` and yields zeros.
struct IndexReader {
  std::string_view in;
  bool bad = false;
  uint32_t U32() {
    if (in.size() < 4) {
      bad = true;
      return 0;
    }
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << (8 * i);
    in.remove_prefix(4);
    return v;
  }
  std::string String() {
    uint32_t n = U32();
    if (n > in.size()) {
      bad = true;
      return {};
    }
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
};

constexpr uint32_t kIndexFormat = 1;

}  // namespace

std::string Packument::Index() const {
  std::string out;
  PutU32(out, kIndexFormat);
  PutString(out, name);
  PutString(out, modified);
  PutU32(out, static_cast<uint32_t>(dist_tags.size()));
  for (const auto& [tag, version] : dist_tags) {
    PutString(out, tag);
    PutString(out, version);
  }
  PutU32(out, time_begin_);
  PutU32(out, time_size_);
  PutU32(out, static_cast<uint32_t>(versions_.size()));
  for (const Version& v : versions_) {
    PutString(out, v.key);
    PutU32(out, v.begin);
    PutU32(out, v.size);
  }
  // Last and optional: indexes written before it was added end with the versions.
  if (!homepage.empty()) PutString(out, homepage);
  return out;
}

Result<Packument> Packument::FromIndex(std::shared_ptr<const char> text, size_t size,
                                       std::string_view index) {
  IndexReader r{index};
  Packument p;
  bool ok = r.U32() == kIndexFormat;
  p.name = r.String();
  p.modified = r.String();
  for (uint32_t n = r.U32(); ok && !r.bad && n > 0; --n) {
    std::string tag = r.String();
    p.dist_tags.emplace_back(std::move(tag), r.String());
  }
  p.time_begin_ = r.U32();
  p.time_size_ = r.U32();
  ok = ok && !r.bad && uint64_t{p.time_begin_} + p.time_size_ <= size;
  uint32_t count = r.U32();
  // Every entry takes at least 12 bytes: a corrupt count cannot make a huge reservation.
  ok = ok && !r.bad && count <= r.in.size() / 12;
  if (ok) p.versions_.reserve(count);
  for (uint32_t i = 0; ok && i < count; ++i) {
    Version v;
    v.key = r.String();
    v.begin = r.U32();
    v.size = r.U32();
    ok = !r.bad && uint64_t{v.begin} + v.size <= size;
    p.versions_.push_back(std::move(v));
  }
  if (ok && !r.bad && !r.in.empty()) p.homepage = r.String();
  if (!ok || r.bad || !r.in.empty()) return InvalidArgument("malformed packument index");
  p.text_ = std::move(text);
  p.text_size_ = size;
  return p;
}

namespace {

// JSON string syntax for `s` (keys come out of simdjson unescaped).
void AppendQuoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

// Compile-time lengths: this runs for every field of every version of a full document.
constexpr std::string_view kKeptVersionFields[] = {
    "name", "version", "dependencies", "optionalDependencies", "peerDependencies",
    "acceptDependencies", "peerDependenciesMeta", "bundleDependencies",
    "bundledDependencies", "bin", "directories", "engines", "os", "cpu", "libc",
    "deprecated", "scripts", "hasInstallScript", "license", "funding", "_hasShrinkwrap",
    "workspaces", "dist"};

bool KeptVersionField(std::string_view key) {
  for (std::string_view kept : kKeptVersionFields) {
    if (key == kept) return true;
  }
  return false;
}

// The JSON text of `value`, as it stands in the document (with any whitespace that
// follows a scalar removed).
simdjson::error_code RawValue(ondemand::value value, std::string_view* out) {
  ondemand::json_type type;
  if (auto error = value.type().get(type)) return error;
  if (type == ondemand::json_type::object) {
    ondemand::object object;
    if (auto error = value.get_object().get(object)) return error;
    return object.raw_json().get(*out);
  }
  if (type == ondemand::json_type::array) {
    ondemand::array array;
    if (auto error = value.get_array().get(array)) return error;
    return array.raw_json().get(*out);
  }
  *out = value.raw_json_token();
  while (!out->empty() && (out->back() == ' ' || out->back() == '\t' || out->back() == '\n' ||
                           out->back() == '\r')) {
    out->remove_suffix(1);
  }
  return simdjson::SUCCESS;
}

// `value`'s preinstall, install and postinstall members as a JSON object, or "" when it
// has none (or is not an object: the reader ignores such a `scripts`).
simdjson::error_code InstallScripts(ondemand::value value, std::string* out) {
  ondemand::object scripts;
  if (value.get_object().get(scripts) != simdjson::SUCCESS) return simdjson::SUCCESS;
  std::string_view key, raw;
  for (auto member : scripts) {
    ondemand::field field;
    if (auto error = std::move(member).get(field)) return error;
    if (auto error = field.unescaped_key().get(key)) return error;
    if (key != "preinstall" && key != "install" && key != "postinstall") continue;
    if (auto error = RawValue(field.value(), &raw)) return error;
    *out += out->empty() ? '{' : ',';
    AppendQuoted(*out, key);
    *out += ':';
    *out += raw;
  }
  if (!out->empty()) *out += '}';
  return simdjson::SUCCESS;
}

}  // namespace

Result<std::string> AbbreviatePackument(std::string text, std::string_view name) {
  // Padded in place: a body received with kPackumentPadding spare capacity (as the
  // registry client reserves it) is not copied.
  const size_t size = text.size();
  text.append(kPackumentPadding, ' ');
  // One On-Demand walk checks the structure it passes through (the document's keys and
  // every version's keys) and copies the values it keeps as they stand; those are
  // checked when a version is read (ManifestAt), the values it drops not at all. A full
  // DOM validation first took as long again as the walk (10 ms of typescript's 10 MB
  // document), on the resolver's critical path.
  ondemand::parser parser;
  ondemand::document doc;
  ondemand::object root;
  if (auto error = parser.iterate(text.data(), size, text.size()).get(doc)) {
    return InvalidJson(name, error);
  }
  ondemand::json_type type;
  if (auto error = doc.type().get(type)) return InvalidJson(name, error);
  if (type != ondemand::json_type::object) {
    return InvalidArgument("Invalid registry response for " + std::string(name) +
                           ": not a JSON object");
  }
  if (auto error = doc.get_object().get(root)) return InvalidJson(name, error);
  // Full documents shrink to about a third; room for the padding ParseOwnedPackument
  // wants after the text spares it a copy.
  std::string out;
  out.reserve(size / 3 + kPackumentPadding);
  out = "{";
  auto separate = [&] {
    if (out.size() > 1) out += ',';
  };
  std::string_view key;
  std::string_view raw;
  for (auto result : root) {
    ondemand::field field;
    if (auto error = std::move(result).get(field)) return InvalidJson(name, error);
    if (auto error = field.unescaped_key().get(key)) return InvalidJson(name, error);
    if (key == "versions") {
      ondemand::object versions;
      if (field.value().get_object().get(versions) != simdjson::SUCCESS) continue;
      separate();
      out += "\"versions\":{";
      bool first_version = true;
      for (auto entry : versions) {
        ondemand::field version;
        ondemand::object manifest;
        if (auto error = std::move(entry).get(version)) return InvalidJson(name, error);
        if (auto error = version.unescaped_key().get(key)) return InvalidJson(name, error);
        if (version.value().get_object().get(manifest) != simdjson::SUCCESS) continue;
        if (!first_version) out += ',';
        first_version = false;
        AppendQuoted(out, key);
        out += ":{";
        bool first_field = true;
        for (auto member : manifest) {
          ondemand::field f;
          if (auto error = std::move(member).get(f)) return InvalidJson(name, error);
          if (auto error = f.unescaped_key().get(key)) return InvalidJson(name, error);
          if (!KeptVersionField(key)) continue;
          if (key == "scripts") {
            // Only the install scripts are read (has_install_script); the rest were a
            // third of a typical cached document.
            std::string scripts;
            if (auto error = InstallScripts(f.value(), &scripts)) return InvalidJson(name, error);
            if (scripts.empty()) continue;
            if (!first_field) out += ',';
            first_field = false;
            out += "\"scripts\":";
            out += scripts;
            continue;
          }
          if (!first_field) out += ',';
          first_field = false;
          AppendQuoted(out, key);
          out += ':';
          if (auto error = RawValue(f.value(), &raw)) return InvalidJson(name, error);
          out += raw;
        }
        out += '}';
      }
      out += '}';
    } else if (key == "name" || key == "modified" || key == "dist-tags" || key == "time" || key == "homepage") {
      separate();
      AppendQuoted(out, key);
      out += ':';
      if (auto error = RawValue(field.value(), &raw)) return InvalidJson(name, error);
      out += raw;
    }
  }
  // Anything after the root object is malformed JSON.
  const char* end = nullptr;
  if (doc.current_location().get(end) != simdjson::OUT_OF_BOUNDS) {
    return InvalidJson(name, simdjson::TRAILING_CONTENT);
  }
  out += '}';
  return out;
}

}  // namespace skua::pm::registry
