// Nerf-dart credential lookup, following npm-registry-fetch's lib/auth.js.
#include "pm/config/auth.h"

#include <cstdint>
#include <optional>

#include "base/encoding.h"
#include "base/url/url.h"

namespace skua::pm::config {
namespace {

using ConfigMap = std::map<std::string, std::string>;

std::string Lookup(const ConfigMap& config, const std::string& key) {
  auto found = config.find(key);
  return found == config.end() ? std::string() : found->second;
}

bool HasAuth(const ConfigMap& config, const std::string& reg_key) {
  return !Lookup(config, reg_key + ":_authToken").empty() ||
         !Lookup(config, reg_key + ":_auth").empty() ||
         (!Lookup(config, reg_key + ":username").empty() &&
          !Lookup(config, reg_key + ":_password").empty()) ||
         (!Lookup(config, reg_key + ":certfile").empty() &&
          !Lookup(config, reg_key + ":keyfile").empty());
}

// `//host[:port]/pathname` of a URL, or nullopt.
std::optional<std::string> RegKeyBase(std::string_view url) {
  Result<url::Url> parsed = url::Parse(url);
  if (!parsed.ok()) return std::nullopt;
  return "//" + parsed->Host() + parsed->Pathname();
}

// The longest key above `url` that holds credentials, or "".
std::string MatchRegKey(std::string_view url, const ConfigMap& config) {
  std::optional<std::string> key = RegKeyBase(url);
  if (!key) return "";
  std::string reg_key = *key;
  while (reg_key.size() > 2) {
    if (HasAuth(config, reg_key)) return reg_key;
    // Drop either the last segment or a trailing slash: `//h/a/b` -> `//h/a/` -> `//h/a`.
    if (reg_key.back() == '/') {
      reg_key.pop_back();
    } else {
      size_t slash = reg_key.find_last_of('/');
      reg_key.resize(slash + 1);
    }
  }
  return "";
}

std::string Base64(std::string_view bytes) {
  std::string out(encoding::Base64EncodedSize(bytes.size(), encoding::Base64Alphabet::kStandard), '\0');
  encoding::Base64Encode(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out.data(),
                         encoding::Base64Alphabet::kStandard);
  return out;
}

// Buffer.from(text, 'base64'): forgiving, as Node decodes it.
std::string FromBase64(std::string_view text) {
  std::string out(encoding::Base64DecodedSizeBound(text.size()) + 3, '\0');
  size_t n = encoding::Base64Decode(text.data(), text.size(),
                                    reinterpret_cast<uint8_t*>(out.data()), out.size());
  out.resize(n);
  return out;
}

bool SameHost(std::string_view a, std::string_view b) {
  Result<url::Url> pa = url::Parse(a);
  Result<url::Url> pb = url::Parse(b);
  return pa.ok() && pb.ok() && pa->Host() == pb->Host();
}

}  // namespace

Result<std::string> NerfDart(std::string_view url) {
  Result<url::Url> parsed = url::Parse(url);
  if (!parsed.ok() || !parsed->host) {
    return InvalidArgument("invalid registry URL: " + std::string(url));
  }
  std::string path = parsed->Pathname();
  size_t slash = path.find_last_of('/');
  path = slash == std::string::npos ? "/" : path.substr(0, slash + 1);
  return "//" + parsed->Host() + path;
}

std::string Credentials::Authorization() const {
  if (!token.empty()) return "Bearer " + token;
  if (!auth.empty()) return "Basic " + auth;
  return "";
}

Credentials FindCredentials(std::string_view url, std::string_view registry,
                            const std::map<std::string, std::string>& config) {
  // Credentials live under nerf-darted keys ("//host/path/:_authToken"): most
  // configurations have none, and then no URL needs parsing (an install asks for each
  // request it makes).
  auto first = config.lower_bound("//");
  if (first == config.end() || !first->first.starts_with("//")) return Credentials{};
  std::string reg_key = MatchRegKey(url, config);
  if (reg_key.empty()) {
    // Nothing for this URL itself: a URL on the registry's host borrows the registry's
    // credentials (a tarball under a different path of the same server).
    if (!registry.empty() && url != registry && SameHost(url, registry)) {
      return FindCredentials(registry, registry, config);
    }
    return Credentials{};
  }
  Credentials credentials;
  credentials.reg_key = reg_key;
  credentials.certfile = Lookup(config, reg_key + ":certfile");
  credentials.keyfile = Lookup(config, reg_key + ":keyfile");
  std::string token = Lookup(config, reg_key + ":_authToken");
  std::string auth = Lookup(config, reg_key + ":_auth");
  std::string username = Lookup(config, reg_key + ":username");
  std::string password = Lookup(config, reg_key + ":_password");
  if (!token.empty()) {
    credentials.token = token;
  } else if (!auth.empty()) {
    credentials.auth = auth;
  } else if (!username.empty() && !password.empty()) {
    credentials.auth = Base64(username + ":" + FromBase64(password));
  }
  return credentials;
}

}  // namespace skua::pm::config
