// npm-install-checks: whether a package's `os`/`cpu`/`libc` lists admit this machine and
// whether its `engines.node` range admits the Node version skua implements (pm-spec
// §2.13). npm skips optional dependencies that fail these and refuses required ones.
#ifndef SKUA_PM_REGISTRY_PLATFORM_H_
#define SKUA_PM_REGISTRY_PLATFORM_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/registry/manifest.h"

namespace skua::pm::registry {

// process.platform / process.arch spellings; libc is "glibc", "musl" or "" (not Linux,
// or unknown).
struct Platform {
  std::string os;
  std::string cpu;
  std::string libc;
};

// The machine skua runs on.
Platform HostPlatform();

// One list check: `["any"]` passes; a `!value` entry equal to `value` fails; otherwise a
// positive entry must match, unless every entry is negated.
bool PlatformListAllows(std::string_view value, const std::vector<std::string>& list);

// Ok, or "code EBADPLATFORM\nUnsupported platform for name@version: wanted {...}
// (current: {...})" (npm's code and wording) as kInvalidArgument.
Status CheckPlatform(const Manifest& manifest, const Platform& platform);

// True when the manifest has no `engines.node` or `node_version` satisfies it with
// includePrerelease (an unparsable range never does).
bool EngineOk(const Manifest& manifest, std::string_view node_version);

// Ok, or "Unsupported engine for name@version: wanted: {"node":...} (current: {"node":...})".
Status CheckEngine(const Manifest& manifest, std::string_view node_version);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_PLATFORM_H_
