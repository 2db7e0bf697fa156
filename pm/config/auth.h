// Registry credentials as npm-registry-fetch chooses them (pm-spec §2.4 "Auth"). Keys are
// "nerf darts": `//host[:port]/path/` followed by `:_authToken`, `:_auth`, `:username` +
// `:_password`, or `:certfile` + `:keyfile`. For a request URL the key `//host/path` is
// walked upwards, dropping one trailing segment or slash at a time, down to `//host`; the
// first key with credentials wins (the longest prefix). With none, a request on the same
// host as its registry uses the registry's credentials; a request anywhere else gets
// none, so a token never leaks to a tarball host it was not written for.
#ifndef SKUA_PM_CONFIG_AUTH_H_
#define SKUA_PM_CONFIG_AUTH_H_

#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::pm::config {

// npm's nerf-dart: `https://host:8080/a/b?q` -> `//host:8080/a/`. Fails on a URL that
// does not parse.
Result<std::string> NerfDart(std::string_view url);

struct Credentials {
  std::string reg_key;  // The matching key (`//host/path/`), "" when nothing matched.
  std::string token;    // `_authToken`: sent as Bearer.
  std::string auth;     // Base64 `user:password` (from `_auth`, or username + `_password`).
  std::string certfile;
  std::string keyfile;

  // The Authorization header value ("Bearer …" / "Basic …"), or "" for none.
  std::string Authorization() const;
};

// Looks up credentials for a request to `url`, which is made on behalf of `registry`
// (the scoped or default registry the package came from). `config` maps configuration
// keys to values (Config::Flatten()). Values are taken as they are; `_password` is
// base64 in .npmrc files and is decoded before it is paired with `username`.
Credentials FindCredentials(std::string_view url, std::string_view registry,
                            const std::map<std::string, std::string>& config);

}  // namespace skua::pm::config

#endif  // SKUA_PM_CONFIG_AUTH_H_
