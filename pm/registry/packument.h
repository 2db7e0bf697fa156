// A packument: the registry's document for one package name, abbreviated
// (application/vnd.npm.install-v1+json: name, modified, dist-tags, versions with install
// fields) or full (adds time, readme and every package.json field). Both parse into the
// same class; fields the abbreviated form lacks stay empty.
//
// Rules: parsing reads the document-level fields and, per version, only its key and where
// its JSON object lies; a version's Manifest is read from the kept text the first time it
// is asked for (resolution looks at a few versions of packuments that list thousands).
// The text is shared by copies and freed with the last one. A handed-out Manifest stays
// at its address for the Packument's lifetime (copies read their own). Reading fills a
// cache inside const methods, so one thread at a time uses a Packument (the resolver's
// loop thread, once a worker has parsed it).
#ifndef SKUA_PM_REGISTRY_PACKUMENT_H_
#define SKUA_PM_REGISTRY_PACKUMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/registry/manifest.h"

namespace skua::pm::registry {

class Packument {
 public:
  std::string name;
  std::string modified;  // ISO time of the last change, when the registry sends it.
  std::string homepage;  // Full documents only (npm outdated --long shows it).
  StringMap dist_tags;   // "latest" -> "1.2.3".

  Packument() = default;
  Packument(const Packument& other);
  Packument& operator=(const Packument& other);
  Packument(Packument&&) noexcept = default;
  Packument& operator=(Packument&&) noexcept = default;
  ~Packument();

  // Every version, in document order, keyed by the `versions` key (which wins over a
  // manifest's own `version` field, as npm-pick-manifest reads it).
  size_t version_count() const { return versions_.size(); }
  const std::string& version(size_t i) const { return versions_[i].key; }
  std::optional<size_t> IndexOf(std::string_view version) const;

  // The manifest of version `i`, read on first use. A version object that is not valid
  // JSON (ParsePackument only delimits them) is an InvalidArgument naming the version.
  Result<const Manifest*> ManifestAt(size_t i) const;
  // Version `i` with only `version`, `deprecated` and `engines` read, not cached: what
  // npm-pick-manifest ranks candidates by.
  Result<Manifest> SelectionFieldsAt(size_t i) const;
  // nullptr when there is no such version or it cannot be read.
  const Manifest* FindVersion(std::string_view version) const;

  const std::string* DistTag(std::string_view tag) const { return Find(dist_tags, tag); }
  // Full documents: version (and "created"/"modified") -> ISO time; read on first use.
  const StringMap& time() const;

  // What ParsePackument learns from the text (the document-level fields and where each
  // version's object lies), serialised: FromIndex rebuilds the same Packument over the
  // same text without parsing it. The manifest cache stores it after the body.
  std::string Index() const;
  // `text` must be followed by kPackumentPadding readable bytes. A malformed index, or
  // one pointing outside the text, is an InvalidArgument.
  static Result<Packument> FromIndex(std::shared_ptr<const char> text, size_t size,
                                     std::string_view index);

  // The document this packument reads (kPackumentPadding readable bytes follow it),
  // shared: e.g. for the manifest cache to store without a copy.
  const std::shared_ptr<const char>& shared_text() const { return text_; }
  size_t text_size() const { return text_size_; }

  // A memo for PickManifest: `key` stands for its inputs, the value is a version index.
  // Copies start without it.
  std::optional<size_t> RememberedPick(std::string_view key) const;
  void RememberPick(std::string key, size_t index) const;

 private:
  friend Result<Packument> ParseOwnedPackument(std::string json, std::string_view name);

  struct Version {
    std::string key;
    uint32_t begin = 0;  // The version's JSON object, as offsets into text_.
    uint32_t size = 0;
    mutable std::unique_ptr<const Manifest> manifest;
  };
  Result<Manifest> Read(size_t i, ManifestFields fields) const;

  // The document, followed by simdjson's padding so a version's object can be parsed in
  // place; shared by copies (a string, or a mapped cache file).
  std::shared_ptr<const char> text_;
  size_t text_size_ = 0;
  std::vector<Version> versions_;
  uint32_t time_begin_ = 0;  // The `time` object in text_; size 0 when there is none.
  uint32_t time_size_ = 0;
  mutable std::optional<StringMap> time_;
  mutable std::vector<std::pair<std::string, size_t>> picks_;
};

// Parses a packument for `name` (the requested name: it names the package in errors and
// stands in when the document has no `name`). Malformed JSON, or JSON that is not an
// object, is an InvalidArgument naming the package; entries of the wrong type are skipped.
// Of a repeated document-level key the first is read; of a repeated version key the last
// value is kept at the first's position (JSON.parse semantics). Version objects are only
// delimited here, not validated: a syntax error inside one shows when it is read
// (ManifestAt). The registry client only parses text that AbbreviatePackument produced
// or that the manifest cache stored and checksummed.
Result<Packument> ParsePackument(std::string_view json, std::string_view name);

// Spare capacity after the text that spares ParseOwnedPackument a copy of it (the parser
// reads that far past the end).
inline constexpr size_t kPackumentPadding = 64;

// ParsePackument of a text it takes and keeps, copied only when its capacity lacks
// kPackumentPadding spare bytes.
Result<Packument> ParseOwnedPackument(std::string json, std::string_view name);

// The document reduced to what ParsePackument reads (name, modified, dist-tags, time, and
// per version the install fields, without readme, description, devDependencies, scripts
// other than preinstall/install/postinstall, ...), for
// the manifest cache: some registries answer the abbreviated request with the full
// document, which is many times larger and slower to read back. Parsing the result gives
// the same Packument. The document's structure and keys are checked as in
// ParsePackument (malformed JSON, or JSON that is not an object, is its InvalidArgument
// for `name`); a kept value is copied as it stands, so a syntax error inside one fails
// its version when read (ManifestAt), and dropped values are not read at all.
Result<std::string> AbbreviatePackument(std::string json, std::string_view name);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_PACKUMENT_H_
