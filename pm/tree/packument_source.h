// Where the ideal-tree builder gets packuments and local package.json files. The CLI
// implements it over the HTTP registry client and a manifest cache; tests fill
// MemoryPackumentSource.
//
// Prefetching. The builder works breadth-first: when it places a node it already knows
// which names that node's problem edges will ask for next, and it calls Prefetch() with
// them (and with the root's whole dependency list first). An implementation should start
// those requests at once (libcurl multi, many in flight) and return; Get() then blocks
// only for documents that are still in flight. This is npm's "fetch the manifests of the
// just-placed node's problem edges concurrently" step, moved ahead of placement.
#ifndef SKUA_PM_TREE_PACKUMENT_SOURCE_H_
#define SKUA_PM_TREE_PACKUMENT_SOURCE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/registry/manifest.h"
#include "pm/registry/packument.h"

namespace skua::pm::tree {

class PackumentSource {
 public:
  virtual ~PackumentSource() = default;

  // A hint: these package names will be asked for soon. Never blocks; may be ignored.
  virtual void Prefetch(const std::vector<std::string>& names) {}

  // The packument for `name`. The pointer stays valid for the source's lifetime. A
  // missing package is kNotFound with npm's E404 text ("404 Not Found - GET <url> -
  // Not found" in the CLI; here "404 Not Found: <name>").
  virtual Result<const registry::Packument*> Get(std::string_view name) = 0;

  // The manifest of a local folder (`file:` and `link:` directory specs); `path` is
  // relative to the project root, "/"-separated.
  virtual Result<registry::Manifest> ReadFolder(std::string_view path) {
    return NotFound("Could not read package.json in " + std::string(path));
  }
};

// Packuments and folders held in memory, for tests and for installs whose documents the
// caller has already gathered. Records Prefetch calls.
class MemoryPackumentSource : public PackumentSource {
 public:
  void Add(registry::Packument packument);
  // Parses and adds a packument document; the status reports malformed JSON.
  Status AddJson(std::string_view json);
  void AddFolder(std::string path, registry::Manifest manifest);

  void Prefetch(const std::vector<std::string>& names) override;
  Result<const registry::Packument*> Get(std::string_view name) override;
  Result<registry::Manifest> ReadFolder(std::string_view path) override;

  const std::vector<std::string>& prefetched() const { return prefetched_; }
  const std::vector<std::string>& requested() const { return requested_; }

 private:
  std::map<std::string, std::unique_ptr<registry::Packument>, std::less<>> packuments_;
  std::map<std::string, registry::Manifest, std::less<>> folders_;
  std::vector<std::string> prefetched_;
  std::vector<std::string> requested_;
};

}  // namespace skua::pm::tree

#endif  // SKUA_PM_TREE_PACKUMENT_SOURCE_H_
