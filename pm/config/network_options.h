// What the registry client needs from the configuration, flattened once (npm's
// "flatOptions"): which registry serves a package, the credentials and proxy for a URL,
// TLS, retry and timeout settings, and the cache mode. No host name is built in: with no
// registry configured, RegistryFor() fails and says how to configure one.
#ifndef SKUA_PM_CONFIG_NETWORK_OPTIONS_H_
#define SKUA_PM_CONFIG_NETWORK_OPTIONS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/config/auth.h"
#include "pm/config/config.h"

namespace skua::pm::config {

// How the manifest cache is used (make-fetch-happen's cache modes, as npm maps them).
enum class CacheMode {
  kDefault,        // A fresh cached copy (Cache-Control max-age) is used; else revalidate.
  kPreferOnline,   // Always revalidate (`prefer-online`).
  kPreferOffline,  // Any cached copy is used without asking; misses are fetched.
  kOffline,        // Never touch the network; a miss is ENOTCACHED.
};

// npm's promise-retry settings: attempt n (1-based) waits
// min(min_timeout_ms * factor^(n-1), max_timeout_ms).
struct RetryOptions {
  int retries = 2;
  double factor = 10;
  int64_t min_timeout_ms = 10'000;
  int64_t max_timeout_ms = 60'000;
};

struct NetworkOptions {
  std::string registry;  // The default registry, ending in '/'; "" when not configured.
  std::map<std::string, std::string> scoped_registries;  // "@scope" -> URL ending in '/'.
  std::map<std::string, std::string> settings;  // Every key (Config::Flatten()), for auth.

  bool strict_ssl = true;
  std::string cafile;            // Replaces the system CA store when set.
  std::vector<std::string> ca;   // PEM certificates; also replaces the system store.

  std::string proxy;             // `https-proxy`, else `proxy`; "" for none configured.
  bool proxy_disabled = false;   // `proxy=false`.
  std::vector<std::string> noproxy;  // `noproxy`, else $NO_PROXY, comma-split.
  std::string env_https_proxy;   // $https_proxy (any case).
  std::string env_http_proxy;    // $http_proxy (any case).
  std::string env_proxy;         // $proxy (any case).

  RetryOptions retry;
  int64_t timeout_ms = 300'000;  // `fetch-timeout`: a whole request, 0 for none.
  int maxsockets = 48;           // Connections per host.
  CacheMode cache_mode = CacheMode::kDefault;
  // Full packuments instead of abbreviated ones: npm's `before` needs their `time`.
  bool full_metadata = false;
  std::string cache;             // `cache`: the cache folder option ("" for the default).
  std::string user_agent;        // `user-agent`; "" for the client's own.

  // The registry for a package name: `@scope:registry` for a scoped name when set,
  // else `registry`. ENOREGISTRY, with instructions, when neither is configured.
  Result<std::string> RegistryFor(std::string_view package_name) const;

  // The credentials for a request to `url` made for `registry` (FindCredentials): its
  // Authorization value, and the client certificate and key files for TLS.
  Credentials CredentialsFor(std::string_view url, std::string_view registry) const;

  // The proxy URL for `url`, or "" to connect directly (@npmcli/agent's rules: the
  // configured proxy, else https_proxy for https URLs and https_proxy, http_proxy or
  // proxy for http URLs; none when a noproxy entry matches the host's trailing labels).
  std::string ProxyFor(std::string_view url) const;
};

Result<NetworkOptions> NetworkOptionsFrom(const Config& config);

// The error for "no registry configured" (exposed for the CLI's tests and messages).
Status NoRegistryError(std::string_view package_name);

}  // namespace skua::pm::config

#endif  // SKUA_PM_CONFIG_NETWORK_OPTIONS_H_
