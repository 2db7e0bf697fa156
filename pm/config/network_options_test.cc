// Flattened network options: registry choice (and its absence), proxies, retries.
#include "pm/config/network_options.h"

#include <gtest/gtest.h>

namespace skua::pm::config {
namespace {

NetworkOptions From(std::vector<std::pair<std::string, std::string>> settings,
                    Environment env = {}) {
  Result<Config> config = Config::FromLayers({{Layer::kUser, std::move(settings)}}, env);
  EXPECT_TRUE(config.ok()) << config.status().message();
  Result<NetworkOptions> options = NetworkOptionsFrom(*config);
  EXPECT_TRUE(options.ok()) << options.status().message();
  return std::move(options).value();
}

TEST(NetworkOptionsTest, NoRegistryIsAClearError) {
  NetworkOptions options = From({});
  Result<std::string> registry = options.RegistryFor("left-pad");
  ASSERT_FALSE(registry.ok());
  const std::string& message = registry.status().message();
  EXPECT_EQ(message.rfind("ENOREGISTRY: no registry is configured for left-pad", 0), 0u);
  EXPECT_NE(message.find("npm config set registry <url>"), std::string::npos);
  EXPECT_NE(message.find("--registry <url>"), std::string::npos);
  EXPECT_NE(message.find("npm_config_registry"), std::string::npos);
  Result<std::string> scoped = options.RegistryFor("@org/pkg");
  EXPECT_NE(scoped.status().message().find("`@org:registry=<url>`"), std::string::npos);
}

TEST(NetworkOptionsTest, ScopedRegistriesAndTrailingSlash) {
  NetworkOptions options =
      From({{"registry", "http://r.test/npm"}, {"@org:registry", "https://org.test/"}});
  EXPECT_EQ(*options.RegistryFor("plain"), "http://r.test/npm/");
  EXPECT_EQ(*options.RegistryFor("@org/pkg"), "https://org.test/");
  EXPECT_EQ(*options.RegistryFor("@other/pkg"), "http://r.test/npm/");
}

TEST(NetworkOptionsTest, BadScopedRegistryNamesItsKey) {
  Result<Config> config = Config::FromLayers({{Layer::kUser, {{"@org:registry", "ftp://x"}}}});
  Result<NetworkOptions> options = NetworkOptionsFrom(*config);
  ASSERT_FALSE(options.ok());
  EXPECT_NE(options.status().message().find("@org:registry=\"ftp://x\""), std::string::npos);
}

TEST(NetworkOptionsTest, ProxyTable) {
  Environment env = {{"HTTPS_PROXY", "http://envs.test:1"}, {"http_proxy", "http://envh.test:2"},
                     {"NO_PROXY", "internal.test, .corp.test"}};
  struct Case {
    std::vector<std::pair<std::string, std::string>> settings;
    const char* url;
    const char* proxy;
  } cases[] = {
      {{}, "https://r.test/p", "http://envs.test:1"},
      {{}, "http://r.test/p", "http://envs.test:1"},  // @npmcli/agent prefers https_proxy.
      {{}, "https://a.internal.test/p", ""},
      {{}, "https://x.corp.test/p", ""},
      {{}, "https://corp.test.evil/p", "http://envs.test:1"},
      {{{"proxy", "http://cfg.test:3"}}, "https://r.test/p", "http://cfg.test:3"},
      {{{"https-proxy", "http://s.test:4"}, {"proxy", "http://cfg.test:3"}}, "http://r.test/",
       "http://s.test:4"},
      {{{"proxy", "false"}}, "https://r.test/p", ""},
      {{{"noproxy", "r.test"}}, "https://r.test/p", ""},
      {{{"noproxy", "r.test"}}, "https://a.internal.test/p", "http://envs.test:1"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(From(c.settings, env).ProxyFor(c.url), c.proxy) << c.url;
  }
}

TEST(NetworkOptionsTest, RetryTimeoutsAndModes) {
  NetworkOptions options = From({{"fetch-retries", "4"}, {"fetch-retry-mintimeout", "5"},
                                 {"fetch-retry-maxtimeout", "50"}, {"fetch-timeout", "1000"},
                                 {"maxsockets", "3"}, {"prefer-offline", "true"}});
  EXPECT_EQ(options.retry.retries, 4);
  EXPECT_EQ(options.retry.min_timeout_ms, 5);
  EXPECT_EQ(options.retry.max_timeout_ms, 50);
  EXPECT_EQ(options.timeout_ms, 1000);
  EXPECT_EQ(options.maxsockets, 3);
  EXPECT_EQ(options.cache_mode, CacheMode::kPreferOffline);
  EXPECT_EQ(From({{"offline", "true"}, {"prefer-offline", "true"}}).cache_mode, CacheMode::kOffline);
}

TEST(NetworkOptionsTest, CredentialsOnlyForMatchingRegistry) {
  NetworkOptions options = From({{"registry", "http://r.test/"},
                                 {"@org:registry", "http://org.test/"},
                                 {"//org.test/:_authToken", "orgtoken"},
                                 {"//org.test/:certfile", "/c.pem"},
                                 {"//org.test/:keyfile", "/k.pem"}});
  Credentials org = options.CredentialsFor("http://org.test/@org%2fpkg", "http://org.test/");
  EXPECT_EQ(org.Authorization(), "Bearer orgtoken");
  EXPECT_EQ(org.certfile, "/c.pem");
  EXPECT_EQ(org.keyfile, "/k.pem");
  Credentials other = options.CredentialsFor("http://r.test/pkg", "http://r.test/");
  EXPECT_EQ(other.Authorization(), "");
  EXPECT_EQ(other.certfile, "");
}

}  // namespace
}  // namespace skua::pm::config
