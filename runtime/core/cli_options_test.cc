#include "runtime/core/cli_options.h"

#include <gtest/gtest.h>

namespace skua {
namespace {

CliOptions Parse(std::vector<std::string> args) {
  Result<CliOptions> r = ParseCliOptions(args);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : CliOptions{};
}

TEST(CliOptionsTest, ScriptAndItsArguments) {
  CliOptions o = Parse({"app.js", "--flag", "x"});
  EXPECT_EQ(o.script, "app.js");
  EXPECT_EQ(o.script_args, (std::vector<std::string>{"--flag", "x"}));
  EXPECT_TRUE(o.exec_argv.empty());
}

TEST(CliOptionsTest, RuntimeOptionsBeforeScriptGoToExecArgv) {
  CliOptions o = Parse({"--no-warnings", "--expose-gc", "app.js", "-e"});
  EXPECT_EQ(o.exec_argv, (std::vector<std::string>{"--no-warnings", "--expose-gc"}));
  EXPECT_EQ(o.v8_flags, (std::vector<std::string>{"--expose-gc"}));
  EXPECT_EQ(o.script, "app.js");
  EXPECT_EQ(o.script_args, (std::vector<std::string>{"-e"}));
}

TEST(CliOptionsTest, EvalTakesAllRemainingArgumentsAsScriptArgs) {
  CliOptions o = Parse({"-e", "1+1", "a", "b"});
  ASSERT_TRUE(o.eval_source.has_value());
  EXPECT_EQ(*o.eval_source, "1+1");
  EXPECT_FALSE(o.print_eval_result);
  EXPECT_TRUE(o.script.empty());
  EXPECT_EQ(o.script_args, (std::vector<std::string>{"a", "b"}));
}

TEST(CliOptionsTest, PrintAndEqualsForm) {
  CliOptions o = Parse({"--print=40+2"});
  EXPECT_EQ(*o.eval_source, "40+2");
  EXPECT_TRUE(o.print_eval_result);
}

TEST(CliOptionsTest, DoubleDashEndsOptions) {
  CliOptions o = Parse({"--", "-weird-name.js", "x"});
  EXPECT_EQ(o.script, "-weird-name.js");
  EXPECT_EQ(o.script_args, (std::vector<std::string>{"x"}));
}

TEST(CliOptionsTest, BadOptionIsAnError) {
  Result<CliOptions> r = ParseCliOptions({"--definitely-not-an-option"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "bad option: --definitely-not-an-option");
}

TEST(CliOptionsTest, MissingValueIsAnError) {
  Result<CliOptions> r = ParseCliOptions({"-e"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "-e requires an argument");
}

TEST(CliOptionsTest, InputTypeIsChecked) {
  EXPECT_EQ(Parse({"--input-type=module", "-e", "1"}).input_type, "module");
  EXPECT_FALSE(ParseCliOptions({"--input-type=wat"}).ok());
}

TEST(CliOptionsTest, ConditionsAccumulate) {
  CliOptions o = Parse({"-C", "development", "--conditions=browser", "app.js"});
  EXPECT_EQ(o.conditions, (std::vector<std::string>{"development", "browser"}));
  EXPECT_EQ(o.script, "app.js");
}

TEST(CliOptionsTest, OptionsReadByStdlibKeepTheirValueInExecArgv) {
  CliOptions o = Parse({"--title", "foo", "--redirect-warnings=w.txt", "app.js"});
  EXPECT_EQ(o.exec_argv,
            (std::vector<std::string>{"--title", "foo", "--redirect-warnings=w.txt"}));
  EXPECT_EQ(o.script, "app.js");
}

TEST(CliOptionsTest, TlsAndOpensslSwitchesStayInExecArgv) {
  CliOptions o = Parse({"--tls-min-v1.0", "--tls-max-v1.3", "--tls-cipher-list=ABC",
                        "--tls-keylog", "k.log", "--use-openssl-ca", "--secure-heap=64",
                        "--secure-heap-min=4", "--openssl-config=o.cnf",
                        "--openssl-legacy-provider", "--openssl-shared-config",
                        "--security-revert=CVE-2023-46809", "app.js"});
  EXPECT_EQ(o.exec_argv.size(), 12u);
  EXPECT_EQ(o.exec_argv[4], "k.log");
  EXPECT_EQ(o.script, "app.js");
  EXPECT_EQ(o.security_reverts, (std::vector<std::string>{"CVE-2023-46809"}));
  EXPECT_TRUE(CheckSecurityReverts(o).ok());
}

TEST(CliOptionsTest, ConflictingTlsAndCaSwitchesAreErrors) {
  Result<CliOptions> r = ParseCliOptions({"--tls-min-v1.3", "--tls-max-v1.2"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both");
  r = ParseCliOptions({"--use-bundled-ca", "--use-openssl-ca"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "either --use-openssl-ca or --use-bundled-ca can be used, not both");
}

TEST(CliOptionsTest, SecureHeapSizesMustBePowersOfTwo) {
  Result<CliOptions> r = ParseCliOptions({"--secure-heap=3", "--secure-heap-min=3"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "--secure-heap must be a power of 2\n--secure-heap-min must be a power of 2");
  // The minimum is clamped to the heap; a heap under 2 bytes is no heap at all.
  EXPECT_TRUE(ParseCliOptions({"--secure-heap=4", "--secure-heap-min=3000"}).ok());
  EXPECT_TRUE(ParseCliOptions({"--secure-heap=1", "--secure-heap-min=3"}).ok());
}

TEST(CliOptionsTest, UnknownSecurityRevertIsReported) {
  CliOptions o = Parse({"--security-revert=not-a-cve"});
  Status s = CheckSecurityReverts(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "Error: Attempt to revert an unknown CVE [not-a-cve]");
}

TEST(CliOptionsTest, VersionAndHelp) {
  EXPECT_TRUE(Parse({"--version"}).print_version);
  EXPECT_TRUE(Parse({"-h"}).print_help);
}

}  // namespace
}  // namespace skua
