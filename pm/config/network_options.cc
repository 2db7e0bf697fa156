// Flattening configuration into the registry client's options.
#include "pm/config/network_options.h"

#include <cctype>
#include <cmath>

#include "base/url/url.h"

namespace skua::pm::config {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string WithSlash(std::string url) {
  if (!url.ends_with("/")) url += '/';
  return url;
}

Status CheckRegistryUrl(std::string_view key, std::string_view value, std::string_view source) {
  Result<url::Url> parsed = url::Parse(value);
  if (parsed.ok() && (parsed->scheme == "http" || parsed->scheme == "https") && parsed->host &&
      !parsed->host->empty()) {
    return Status::Ok();
  }
  return InvalidArgument("ENOREGISTRY: invalid registry URL " + std::string(key) + "=\"" +
                         std::string(value) + "\" (set in " + std::string(source) +
                         "): it must be an http:// or https:// URL");
}

std::vector<std::string> SplitCommas(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const std::string& item : items) {
    size_t pos = 0;
    while (pos <= item.size()) {
      size_t comma = item.find(',', pos);
      if (comma == std::string::npos) comma = item.size();
      std::string part = item.substr(pos, comma - pos);
      size_t b = part.find_first_not_of(" \t");
      size_t e = part.find_last_not_of(" \t");
      if (b != std::string::npos) out.push_back(part.substr(b, e + 1 - b));
      pos = comma + 1;
    }
  }
  return out;
}

bool IsNoProxy(std::string_view host, const std::vector<std::string>& noproxy) {
  // Compare labels from the right: "corp.test" matches "a.corp.test".
  auto labels = [](std::string_view s) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t dot = s.find('.', pos);
      if (dot == std::string_view::npos) dot = s.size();
      out.emplace_back(s.substr(pos, dot - pos));
      pos = dot + 1;
    }
    return out;
  };
  std::vector<std::string> host_labels = labels(host);
  for (const std::string& entry : noproxy) {
    std::vector<std::string> entry_labels;
    for (std::string& label : labels(entry)) {
      if (!label.empty()) entry_labels.push_back(std::move(label));
    }
    if (entry_labels.empty() || entry_labels.size() > host_labels.size()) continue;
    bool match = true;
    for (size_t i = 0; i < entry_labels.size() && match; ++i) {
      match = host_labels[host_labels.size() - 1 - i] == entry_labels[entry_labels.size() - 1 - i];
    }
    if (match) return true;
  }
  return false;
}

}  // namespace

Status NoRegistryError(std::string_view package_name) {
  std::string scope_hint;
  if (package_name.starts_with("@")) {
    std::string scope(package_name.substr(0, package_name.find('/')));
    scope_hint = ", or `" + scope + ":registry=<url>` in .npmrc for " + scope + " packages";
  }
  return InvalidArgument(
      "ENOREGISTRY: no registry is configured" +
      (package_name.empty() ? std::string() : " for " + std::string(package_name)) +
      ". skua has no default registry; set one with `npm config set registry <url>` "
      "(or `registry=<url>` in .npmrc), pass `--registry <url>`, or set the "
      "npm_config_registry environment variable" + scope_hint + ".");
}

Result<NetworkOptions> NetworkOptionsFrom(const Config& config) {
  NetworkOptions options;
  options.settings = config.Flatten();
  if (const ConfigValue* registry = config.Find("registry")) {
    Status status = CheckRegistryUrl("registry", registry->items.back(), registry->source);
    if (!status.ok()) return status;
    options.registry = WithSlash(registry->items.back());
  }
  for (const auto& [key, value] : options.settings) {
    if (!key.starts_with("@") || !key.ends_with(":registry")) continue;
    std::string scope = key.substr(0, key.size() - 9);
    const ConfigValue* found = config.Find(key);
    Status status = CheckRegistryUrl(key, value, found ? found->source : "config");
    if (!status.ok()) return status;
    options.scoped_registries[scope] = WithSlash(value);
  }

  options.strict_ssl = config.GetBool("strict-ssl");
  options.cafile = config.GetString("cafile").value_or("");
  options.ca = config.GetList("ca");

  std::string https_proxy = config.GetString("https-proxy").value_or("");
  std::string proxy = config.GetString("proxy").value_or("");
  // Differs from npm: npm's definitions say `proxy=false` disables proxies, but its agent
  // then falls back to the environment's; skua disables them as documented.
  options.proxy_disabled = https_proxy.empty() && proxy == "false";
  options.proxy = !https_proxy.empty() ? https_proxy : (proxy == "false" ? "" : proxy);
  std::string env_no_proxy;
  for (const auto& [name, value] : config.env()) {
    std::string lower = Lower(name);
    if (lower == "https_proxy") options.env_https_proxy = value;
    if (lower == "http_proxy") options.env_http_proxy = value;
    if (lower == "proxy") options.env_proxy = value;
    if (lower == "no_proxy") env_no_proxy = value;
  }
  std::vector<std::string> noproxy = config.GetList("noproxy");
  bool any_noproxy = false;
  for (const std::string& entry : noproxy) any_noproxy = any_noproxy || !entry.empty();
  options.noproxy = SplitCommas(any_noproxy ? noproxy : std::vector<std::string>{env_no_proxy});

  options.retry.retries = static_cast<int>(config.GetNumber("fetch-retries"));
  options.retry.factor = config.GetNumber("fetch-retry-factor");
  options.retry.min_timeout_ms = static_cast<int64_t>(config.GetNumber("fetch-retry-mintimeout"));
  options.retry.max_timeout_ms = static_cast<int64_t>(config.GetNumber("fetch-retry-maxtimeout"));
  options.timeout_ms = static_cast<int64_t>(config.GetNumber("fetch-timeout"));
  options.maxsockets = std::max(1, static_cast<int>(config.GetNumber("maxsockets")));
  if (config.GetBool("offline")) {
    options.cache_mode = CacheMode::kOffline;
  } else if (config.GetBool("prefer-offline")) {
    options.cache_mode = CacheMode::kPreferOffline;
  } else if (config.GetBool("prefer-online")) {
    options.cache_mode = CacheMode::kPreferOnline;
  }
  options.full_metadata = config.GetString("before").has_value();
  options.cache = config.GetString("cache").value_or("");
  options.user_agent = config.GetString("user-agent").value_or("");
  return options;
}

Result<std::string> NetworkOptions::RegistryFor(std::string_view package_name) const {
  if (package_name.starts_with("@")) {
    size_t slash = package_name.find('/');
    auto found = scoped_registries.find(std::string(package_name.substr(0, slash)));
    if (found != scoped_registries.end()) return found->second;
  }
  if (registry.empty()) return NoRegistryError(package_name);
  return registry;
}

Credentials NetworkOptions::CredentialsFor(std::string_view url, std::string_view registry_url) const {
  return FindCredentials(url, registry_url, settings);
}

std::string NetworkOptions::ProxyFor(std::string_view url) const {
  if (proxy_disabled) return "";
  Result<url::Url> parsed = url::Parse(url);
  if (!parsed.ok()) return "";
  std::string chosen = proxy;
  if (chosen.empty()) {
    chosen = parsed->scheme == "https"
                 ? env_https_proxy
                 : (!env_https_proxy.empty() ? env_https_proxy
                                             : (!env_http_proxy.empty() ? env_http_proxy : env_proxy));
  }
  if (chosen.empty() || IsNoProxy(parsed->Hostname(), noproxy)) return "";
  return chosen;
}

}  // namespace skua::pm::config
