// Host detection and npm-install-checks' platform and engine rules.
#include "pm/registry/platform.h"

#include <unistd.h>

#include <string>
#include <unordered_map>

#include "pm/semver/range.h"

namespace skua::pm::registry {

namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// JSON.stringify of a list. Differs from npm: a package that wrote `"os": "linux"` shows
// as ["linux"], since manifests keep lists only.
std::string JsonList(const std::vector<std::string>& list) {
  std::string out = "[";
  for (size_t i = 0; i < list.size(); ++i) out += (i ? "," : "") + JsonString(list[i]);
  return out + "]";
}

std::string Id(const Manifest& m) { return m.name + "@" + m.version; }

}  // namespace

Platform HostPlatform() {
  Platform p;
#if defined(__linux__)
  p.os = "linux";
#elif defined(__APPLE__)
  p.os = "darwin";
#elif defined(__FreeBSD__)
  p.os = "freebsd";
#else
  p.os = "unknown";
#endif
#if defined(__x86_64__)
  p.cpu = "x64";
#elif defined(__aarch64__)
  p.cpu = "arm64";
#elif defined(__i386__)
  p.cpu = "ia32";
#elif defined(__arm__)
  p.cpu = "arm";
#else
  p.cpu = "unknown";
#endif
#if defined(__linux__)
  // glibc answers _CS_GNU_LIBC_VERSION; musl does not define it.
#if defined(_CS_GNU_LIBC_VERSION)
  char buffer[64];
  p.libc = confstr(_CS_GNU_LIBC_VERSION, buffer, sizeof(buffer)) > 0 ? "glibc" : "musl";
#else
  p.libc = "musl";
#endif
#endif
  return p;
}

bool PlatformListAllows(std::string_view value, const std::vector<std::string>& list) {
  if (list.size() == 1 && list[0] == "any") return true;
  size_t negated = 0;
  bool match = false;
  for (const std::string& entry : list) {
    if (!entry.empty() && entry[0] == '!') {
      ++negated;
      if (value == std::string_view(entry).substr(1)) return false;
    } else {
      match = match || value == entry;
    }
  }
  return match || negated == list.size();
}

Status CheckPlatform(const Manifest& m, const Platform& platform) {
  bool os_ok = m.os.empty() || PlatformListAllows(platform.os, m.os);
  bool cpu_ok = m.cpu.empty() || PlatformListAllows(platform.cpu, m.cpu);
  bool libc_ok = m.libc.empty() || (!platform.libc.empty() && PlatformListAllows(platform.libc, m.libc));
  if (os_ok && cpu_ok && libc_ok) return Status::Ok();
  std::string wanted;
  auto add = [&](const char* key, const std::vector<std::string>& list) {
    if (list.empty()) return;
    wanted += std::string(wanted.empty() ? "" : ",") + "\"" + key + "\":" + JsonList(list);
  };
  add("os", m.os);
  add("cpu", m.cpu);
  add("libc", m.libc);
  std::string current = "{\"os\":" + JsonString(platform.os) + ",\"cpu\":" + JsonString(platform.cpu);
  if (!platform.libc.empty()) current += ",\"libc\":" + JsonString(platform.libc);
  return InvalidArgument("code EBADPLATFORM\nUnsupported platform for " + Id(m) + ": wanted {" + wanted +
                         "} (current: " + current + "})");
}

bool EngineOk(const Manifest& m, std::string_view node_version) {
  const std::string* node = Find(m.engines, "node");
  if (node == nullptr || node_version.empty()) return true;
  // Picking asks about every candidate version and most share a handful of ranges
  // (">=6.9.0" for all of babel): parsing each range once per thread is enough.
  thread_local std::unordered_map<std::string, bool> answers;
  std::string key = std::string(node_version) + '\0' + *node;
  auto found = answers.find(key);
  if (found != answers.end()) return found->second;
  bool ok = semver::Satisfies(node_version, *node, {.include_prerelease = true});
  answers.emplace(std::move(key), ok);
  return ok;
}

Status CheckEngine(const Manifest& m, std::string_view node_version) {
  if (EngineOk(m, node_version)) return Status::Ok();
  std::string wanted;
  for (const auto& [k, v] : m.engines) wanted += (wanted.empty() ? "" : ",") + JsonString(k) + ":" + JsonString(v);
  return InvalidArgument("Unsupported engine for " + Id(m) + ": wanted: {" + wanted +
                         "} (current: {\"node\":" + JsonString(node_version) + "})");
}

}  // namespace skua::pm::registry
