// Configuration layering, as npm 11 loads it, over temporary directories and explicit
// environment maps (never the real user's files).
#include "pm/config/config.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>

#include "pm/config/cli_args.h"

namespace skua::pm::config {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = getenv("TEST_TMPDIR");
    std::string pattern = std::string(tmp ? tmp : "/tmp") + "/config_test.XXXXXX";
    root_ = mkdtemp(pattern.data());
    for (const char* dir : {"/home", "/project", "/project/sub", "/prefix", "/prefix/etc",
                            "/prefix/bin", "/other"}) {
      mkdir((root_ + dir).c_str(), 0755);
    }
    Write("/project/package.json", "{}");
    options_.cwd = root_ + "/project/sub";
    options_.env = {{"HOME", root_ + "/home"}};
    options_.exec_path = root_ + "/prefix/bin/skua";
  }

  void Write(const std::string& path, const std::string& text) {
    std::ofstream(root_ + path) << text;
  }

  Config Load() {
    Result<Config> config = Config::Load(options_);
    EXPECT_TRUE(config.ok()) << config.status().message();
    return std::move(config).value();
  }

  std::string root_;
  LoadOptions options_;
};

TEST_F(ConfigTest, PrecedenceGlobalUserProjectEnvCli) {
  Write("/prefix/etc/npmrc", "registry=http://global.test/\nfetch-retries=1\nmaxsockets=7\n");
  Write("/home/.npmrc", "registry=http://user.test/\nfetch-retries=2\nsave-exact=true\n");
  Write("/project/.npmrc", "registry=http://project.test/\nfetch-retries=3\n");
  struct Step {
    std::function<void(LoadOptions&)> change;
    const char* registry;
  } steps[] = {
      {[](LoadOptions&) {}, "http://project.test/"},
      {[](LoadOptions& o) { o.env["npm_config_registry"] = "http://env.test/"; }, "http://env.test/"},
      {[](LoadOptions& o) { o.cli = {{"registry", "http://cli.test/"}}; }, "http://cli.test/"},
  };
  for (const Step& step : steps) {
    step.change(options_);
    Config config = Load();
    EXPECT_EQ(config.GetString("registry"), step.registry);
    EXPECT_EQ(config.GetNumber("fetch-retries"), 3);
    EXPECT_EQ(config.GetNumber("maxsockets"), 7);
    EXPECT_TRUE(config.GetBool("save-exact"));
    EXPECT_EQ(config.project_dir(), root_ + "/project");
  }
  EXPECT_EQ(Load().Find("registry")->layer, Layer::kCli);
  EXPECT_EQ(Load().Find("fetch-retries")->source, root_ + "/project/.npmrc");
}

TEST_F(ConfigTest, DefaultsWithoutFiles) {
  Config config = Load();
  EXPECT_FALSE(config.GetString("registry").has_value());
  EXPECT_EQ(config.GetNumber("fetch-retries"), 2);
  EXPECT_EQ(config.GetNumber("fetch-retry-mintimeout"), 10000);
  EXPECT_EQ(config.GetNumber("fetch-timeout"), 300000);
  EXPECT_TRUE(config.GetBool("strict-ssl"));
  EXPECT_FALSE(config.GetBool("offline"));
  EXPECT_TRUE(config.warnings().empty());
}

TEST_F(ConfigTest, EnvironmentKeysAreCaseInsensitiveAndDashed) {
  options_.env["NPM_CONFIG_FETCH_RETRY_MINTIMEOUT"] = "5";
  options_.env["npm_config_Prefer_Offline"] = "true";
  options_.env["npm_config_//r.test/:_authToken"] = "tok";
  options_.env["npm_config_ignore_scripts"] = "";  // Empty values are skipped.
  options_.env["npm_config_strict_ssl"] = "0";     // nopt: numeric zero is false.
  Config config = Load();
  EXPECT_EQ(config.GetNumber("fetch-retry-mintimeout"), 5);
  EXPECT_TRUE(config.GetBool("prefer-offline"));
  EXPECT_EQ(config.GetString("//r.test/:_authToken"), "tok");
  EXPECT_EQ(config.Find("ignore-scripts")->layer, Layer::kDefault);
  EXPECT_FALSE(config.GetBool("strict-ssl"));
}

TEST_F(ConfigTest, UserConfigFromEnvironment) {
  Write("/other/rc", "registry=http://moved.test/\n");
  Write("/home/.npmrc", "registry=http://user.test/\n");
  options_.env["NPM_CONFIG_USERCONFIG"] = root_ + "/other/rc";
  Config config = Load();
  EXPECT_EQ(config.GetString("registry"), "http://moved.test/");
  EXPECT_EQ(config.SourceFile(Layer::kUser), root_ + "/other/rc");
}

TEST_F(ConfigTest, GlobalConfigFollowsPrefix) {
  Write("/other/etc-npmrc", "");
  mkdir((root_ + "/other/etc").c_str(), 0755);
  Write("/other/etc/npmrc", "registry=http://other-prefix.test/\n");
  Write("/prefix/etc/npmrc", "registry=http://exec-prefix.test/\n");
  EXPECT_EQ(Load().GetString("registry"), "http://exec-prefix.test/");
  options_.env["PREFIX"] = root_ + "/other";
  EXPECT_EQ(Load().GetString("registry"), "http://other-prefix.test/");
  options_.env.erase("PREFIX");
  options_.cli = {{"globalconfig", root_ + "/other/etc/npmrc"}};
  EXPECT_EQ(Load().GetString("registry"), "http://other-prefix.test/");
}

TEST_F(ConfigTest, ProjectFileIsSkippedWhenItIsTheUserFileOrGlobalMode) {
  Write("/home/.npmrc", "registry=http://user.test/\n");
  Write("/project/.npmrc", "registry=http://project.test/\n");
  options_.project_dir = root_ + "/home";
  Config same = Load();
  EXPECT_EQ(same.GetString("registry"), "http://user.test/");
  EXPECT_EQ(same.Find("registry")->layer, Layer::kUser);
  options_.project_dir.clear();
  options_.cli = {{"global", "true"}};
  EXPECT_EQ(Load().GetString("registry"), "http://user.test/");
}

TEST_F(ConfigTest, EnvExpansionInKeysAndValues) {
  Write("/project/.npmrc",
        "registry=${REG}\n//${HOST}/:_authToken=${TOKEN}\nuser-agent=${UNSET}\n"
        "cache=${UNSET?}\n");
  options_.env["REG"] = "http://r.test/";
  options_.env["HOST"] = "r.test";
  options_.env["TOKEN"] = "s3cret";
  Config config = Load();
  EXPECT_EQ(config.GetString("registry"), "http://r.test/");
  EXPECT_EQ(config.GetString("//r.test/:_authToken"), "s3cret");
  EXPECT_EQ(config.GetString("user-agent"), "${UNSET}");
  EXPECT_EQ(config.GetString("cache"), "");
}

TEST_F(ConfigTest, InvalidValuesWarnAndFallThrough) {
  Write("/home/.npmrc", "fetch-retries=4\n");
  Write("/project/.npmrc", "fetch-retries=lots\nregistry=not a url\nbefore=last tuesday\n");
  Config config = Load();
  EXPECT_EQ(config.GetNumber("fetch-retries"), 4);
  EXPECT_FALSE(config.GetString("registry").has_value());
  EXPECT_FALSE(config.GetString("before").has_value());
  ASSERT_EQ(config.warnings().size(), 3u);
  EXPECT_NE(config.warnings()[0].find("invalid config fetch-retries=\"lots\""), std::string::npos);
  EXPECT_NE(config.warnings()[2].find("invalid config before=\"last tuesday\""), std::string::npos);
  Write("/project/.npmrc", "before=2024-01-31\n");
  EXPECT_EQ(Load().GetString("before"), "2024-01-31");
}

TEST_F(ConfigTest, PathsExpandHomeAndCwd) {
  Write("/project/.npmrc", "cafile=~/certs/ca.pem\ncache=./cache/../c\n");
  Config config = Load();
  EXPECT_EQ(config.GetString("cafile"), root_ + "/home/certs/ca.pem");
  EXPECT_EQ(config.GetString("cache"), root_ + "/project/sub/c");
}

TEST_F(ConfigTest, ListsFromFilesEnvAndCli) {
  Write("/project/.npmrc", "ca[]=CERT1\nca[]=CERT2\n");
  EXPECT_EQ(Load().GetList("ca"), (std::vector<std::string>{"CERT1", "CERT2"}));
  options_.env["npm_config_omit"] = "dev\n\noptional";
  EXPECT_EQ(Load().Omit(), (std::vector<std::string>{"dev", "optional"}));
  options_.cli = {{"omit", "peer"}, {"omit", "optional"}};
  EXPECT_EQ(Load().Omit(), (std::vector<std::string>{"optional", "peer"}));
}

TEST_F(ConfigTest, OmitFollowsNodeEnvAndInclude) {
  options_.env["NODE_ENV"] = "production";
  EXPECT_EQ(Load().Omit(), std::vector<std::string>{"dev"});
  options_.cli = {{"include", "dev"}};
  EXPECT_TRUE(Load().Omit().empty());
}

TEST_F(ConfigTest, TopLevelCredentialsAreInvalid) {
  Write("/home/.npmrc", "registry=https://r.test/\n_authToken=abc\n");
  Result<Config> config = Config::Load(options_);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message().rfind("ERR_INVALID_AUTH: ", 0), 0u);
  EXPECT_NE(config.status().message().find("`_authToken` must be renamed to "
                                           "`//r.test/:_authToken` in user config"),
            std::string::npos)
      << config.status().message();
}

TEST(CliArgsTest, Table) {
  ConfigArgs args = ParseConfigArgs({"install", "--registry", "http://r.test/", "--offline",
                                     "pkg", "--no-strict-ssl", "--fetch-retries=5", "-g",
                                     "--save-exact", "false", "--", "--not-a-flag"});
  EXPECT_EQ(args.positional, (std::vector<std::string>{"install", "pkg", "--not-a-flag"}));
  std::vector<std::pair<std::string, std::string>> expected = {
      {"registry", "http://r.test/"}, {"offline", "true"},   {"strict-ssl", "false"},
      {"fetch-retries", "5"},         {"global", "true"},    {"save-exact", "false"}};
  EXPECT_EQ(args.settings, expected);
}

TEST(ConfigFromLayersTest, HigherLayerWins) {
  Result<Config> config = Config::FromLayers(
      {{Layer::kUser, {{"registry", "http://u.test/"}}}, {Layer::kCli, {{"registry", "http://c.test/"}}}});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->GetString("registry"), "http://c.test/");
}

}  // namespace
}  // namespace skua::pm::config
