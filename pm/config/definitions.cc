// npm 11's definitions of the keys skua reads (@npmcli/config lib/definitions).
#include "pm/config/definitions.h"

namespace skua::pm::config {

const std::vector<Definition>& AllDefinitions() {
  // Lifetime: a function-local static, built once and never destroyed.
  static const std::vector<Definition>* definitions = new std::vector<Definition>{
      // Differs from npm: npm defaults `registry` to the public registry; skua has no
      // default (see DESIGN.md), and fails with instructions when none is configured.
      {"registry", ValueType::kUrl, nullptr},
      {"strict-ssl", ValueType::kBoolean, "true"},
      {"cafile", ValueType::kPath, nullptr},
      {"ca", ValueType::kList, nullptr},
      {"cert", ValueType::kString, nullptr},
      {"key", ValueType::kString, nullptr},
      {"https-proxy", ValueType::kUrl, nullptr},
      {"proxy", ValueType::kUrl, nullptr, /*allows_false=*/true},
      {"noproxy", ValueType::kList, nullptr},
      {"fetch-retries", ValueType::kNumber, "2"},
      {"fetch-retry-factor", ValueType::kNumber, "10"},
      {"fetch-retry-mintimeout", ValueType::kNumber, "10000"},
      {"fetch-retry-maxtimeout", ValueType::kNumber, "60000"},
      {"fetch-timeout", ValueType::kNumber, "300000"},
      // Differs from npm: npm opens at most 15 sockets per host; skua defaults to 48, the
      // figure pm-spec §3.2 settles on from bun's and pnpm's measurements.
      {"maxsockets", ValueType::kNumber, "48"},
      {"cache", ValueType::kPath, nullptr},
      {"offline", ValueType::kBoolean, "false"},
      {"prefer-offline", ValueType::kBoolean, "false"},
      {"prefer-online", ValueType::kBoolean, "false"},
      {"ignore-scripts", ValueType::kBoolean, "false"},
      // npm 11.16+'s install-script policy (skua enforces it as npm 12 does).
      {"allow-scripts", ValueType::kList, nullptr},
      {"dangerously-allow-all-scripts", ValueType::kBoolean, "false"},
      {"strict-allow-scripts", ValueType::kBoolean, "false"},
      {"save-exact", ValueType::kBoolean, "false"},
      {"save-prefix", ValueType::kString, "^"},
      {"omit", ValueType::kList, nullptr},
      // Only versions published up to this date are picked (npm's `before`).
      {"before", ValueType::kDate, nullptr},
      // The platform an install checks os/cpu/libc against (npm's overrides, e.g. to fill
      // a node_modules for another machine).
      {"os", ValueType::kString, nullptr},
      {"cpu", ValueType::kString, nullptr},
      {"libc", ValueType::kString, nullptr},
      {"include", ValueType::kList, nullptr},
      {"production", ValueType::kBoolean, nullptr},
      {"legacy-peer-deps", ValueType::kBoolean, "false"},
      {"strict-peer-deps", ValueType::kBoolean, "false"},
      {"force", ValueType::kBoolean, "false"},
      {"engine-strict", ValueType::kBoolean, "false"},
      {"package-lock", ValueType::kBoolean, "true"},
      {"package-lock-only", ValueType::kBoolean, "false"},
      {"omit-lockfile-registry-resolved", ValueType::kBoolean, "false"},
      {"bin-links", ValueType::kBoolean, "true"},
      {"foreground-scripts", ValueType::kBoolean, "false"},
      {"script-shell", ValueType::kString, nullptr},
      {"global", ValueType::kBoolean, "false"},
      {"prefix", ValueType::kPath, nullptr},
      {"userconfig", ValueType::kPath, nullptr},
      {"globalconfig", ValueType::kPath, nullptr},
      {"user-agent", ValueType::kString, nullptr},
      // No default: npm's install saves unless told not to, its update only when told to.
      {"save", ValueType::kBoolean, nullptr},
      {"save-dev", ValueType::kBoolean, "false"},
      {"save-optional", ValueType::kBoolean, "false"},
      {"save-peer", ValueType::kBoolean, "false"},
      // Removed from npm in v9 (credentials matching a request are always sent). Read so
      // that old files do not warn, and otherwise ignored.
      {"always-auth", ValueType::kBoolean, "false"},
  };
  return *definitions;
}

const Definition* FindDefinition(std::string_view key) {
  for (const Definition& definition : AllDefinitions()) {
    if (definition.key == key) return &definition;
  }
  return nullptr;
}

std::optional<std::string_view> ExpandShorthand(std::string_view letter) {
  if (letter == "g") return "global";
  if (letter == "E") return "save-exact";
  if (letter == "D") return "save-dev";
  if (letter == "O") return "save-optional";
  if (letter == "f") return "force";
  return std::nullopt;
}

}  // namespace skua::pm::config
