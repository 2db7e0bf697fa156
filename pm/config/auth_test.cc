// Nerf darts and credential matching; every row was checked against npm 11's
// npm-registry-fetch getAuth() and @npmcli/config nerf-dart.
#include "pm/config/auth.h"

#include <gtest/gtest.h>

namespace skua::pm::config {
namespace {

TEST(AuthTest, NerfDartTable) {
  struct Case {
    const char* url;
    const char* dart;
  } cases[] = {
      {"https://r.test/", "//r.test/"},
      {"https://r.test", "//r.test/"},
      {"https://r.test:8443/npm/pkg?x=1#f", "//r.test:8443/npm/"},
      {"http://u:p@r.test/a/b/", "//r.test/a/b/"},
      {"http://R.Test:80/x", "//r.test/"},
  };
  for (const Case& c : cases) {
    Result<std::string> dart = NerfDart(c.url);
    ASSERT_TRUE(dart.ok()) << c.url;
    EXPECT_EQ(*dart, c.dart) << c.url;
  }
  EXPECT_FALSE(NerfDart("not a url").ok());
}

const std::map<std::string, std::string> kConfig = {
    {"//r.test/:_authToken", "root"},
    {"//r.test/deep/path/:_authToken", "deep"},
    {"//r.test/deep:_authToken", "deepnoslash"},
    {"//other.test:8080/:_auth", "b3RoZXI6cGFzcw=="},
    {"//basic.test/:username", "user"},
    {"//basic.test/:_password", "c2VjcmV0"},  // base64("secret")
    {"//half.test/:username", "user"},
    {"//mtls.test/:certfile", "/c.pem"},
    {"//mtls.test/:keyfile", "/k.pem"},
    {"//mtls.test/:_authToken", "mtlstoken"},
};

TEST(AuthTest, LongestPrefixTable) {
  struct Case {
    const char* url;
    const char* registry;
    const char* reg_key;
    const char* authorization;
  } cases[] = {
      {"https://r.test/pkg", "https://r.test/", "//r.test/", "Bearer root"},
      {"https://r.test/deep/path/pkg", "https://r.test/", "//r.test/deep/path/", "Bearer deep"},
      {"https://r.test/deep/x", "https://r.test/", "//r.test/deep", "Bearer deepnoslash"},
      {"https://r.test/deeper", "https://r.test/", "//r.test/", "Bearer root"},
      // Another port is another host: nothing is sent.
      {"https://r.test:444/pkg", "https://r.test/", "", ""},
      {"http://other.test:8080/pkg", "http://other.test:8080/", "//other.test:8080/",
       "Basic b3RoZXI6cGFzcw=="},
      {"http://other.test/pkg", "http://other.test:8080/", "", ""},
      {"https://basic.test/p", "https://basic.test/", "//basic.test/", "Basic dXNlcjpzZWNyZXQ="},
      // username without _password is not a credential.
      {"https://half.test/p", "https://half.test/", "", ""},
      {"https://mtls.test/p", "https://mtls.test/", "//mtls.test/", "Bearer mtlstoken"},
      // A tarball on another host gets nothing, even though the registry has a token.
      {"https://cdn.test/pkg/-/pkg-1.0.0.tgz", "https://r.test/", "", ""},
      {"https://none.test/p", "https://none.test/", "", ""},
  };
  for (const Case& c : cases) {
    Credentials credentials = FindCredentials(c.url, c.registry, kConfig);
    EXPECT_EQ(credentials.reg_key, c.reg_key) << c.url;
    EXPECT_EQ(credentials.Authorization(), c.authorization) << c.url;
  }
}

TEST(AuthTest, SameHostBorrowsRegistryCredentials) {
  std::map<std::string, std::string> config = {{"//r.test/npm/:_authToken", "scoped"}};
  // No key covers /tarballs/, but it is the registry's host: the registry's token is used.
  EXPECT_EQ(FindCredentials("https://r.test/tarballs/x.tgz", "https://r.test/npm/", config)
                .Authorization(),
            "Bearer scoped");
  EXPECT_EQ(FindCredentials("https://elsewhere.test/npm/x.tgz", "https://r.test/npm/", config)
                .Authorization(),
            "");
}

TEST(AuthTest, TokenWinsOverBasic) {
  std::map<std::string, std::string> config = {{"//r.test/:_authToken", "t"},
                                               {"//r.test/:_auth", "YTpi"}};
  EXPECT_EQ(FindCredentials("https://r.test/p", "https://r.test/", config).Authorization(),
            "Bearer t");
}

}  // namespace
}  // namespace skua::pm::config
