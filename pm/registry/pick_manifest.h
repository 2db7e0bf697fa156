// npm-pick-manifest: which version of a package a spec selects. A dist-tag selects its
// version; an exact version itself; a range prefers the `latest` tag when that version
// satisfies it, is not deprecated and accepts this Node, and otherwise takes the highest
// satisfying version, ranked first by "not deprecated and engine ok", then "engine ok",
// then "not deprecated" (pm-spec §2.3).
#ifndef SKUA_PM_REGISTRY_PICK_MANIFEST_H_
#define SKUA_PM_REGISTRY_PICK_MANIFEST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/registry/packument.h"

namespace skua::pm::registry {

struct PickOptions {
  std::string default_tag = "latest";
  // The Node version `engines.node` is checked against (without a leading "v"); empty
  // skips the engines preference.
  std::string node_version;
  // npm's `before`: only versions published at or before this time (milliseconds since
  // the epoch, ParseIsoTime) are picked; a dist-tag published later falls back to the
  // highest earlier version at or below it. Needs full packuments (their `time`); a
  // version without a time passes.
  std::optional<int64_t> before;
};

// Why nothing was picked, for the CLI to print npm's notarget help.
struct PickFailure {
  std::string code;  // "ETARGET" or "ENOVERSIONS".
  std::string name;
  std::string wanted;
  std::vector<std::string> versions;  // Every version in the packument, in document order.
  StringMap dist_tags;
};

// Picks the manifest `wanted` (a range, version or dist-tag; "" means the default tag's
// policy over "*") selects. Errors: "No matching version found for name@wanted." (npm's
// ETARGET text) and "No versions available for name" (ENOVERSIONS) as kNotFound, with
// `failure` filled when given; a `wanted` that is not a registry spec is kInvalidArgument.
// The result points into `packument`.
Result<const Manifest*> PickManifest(const Packument& packument, std::string_view wanted,
                                     const PickOptions& options = {},
                                     PickFailure* failure = nullptr);

// npm's explanation under an ETARGET error, one line per entry.
std::vector<std::string> NoTargetHelp(const PickFailure& failure);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_PICK_MANIFEST_H_
