#include "pm/cli/plan.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace skua::pm::cli {
namespace {

// A lockfile entry for name@1.0.0 from the registry's tarball layout, plus `extra` members.
std::string Entry(const std::string& location, const std::string& name, const std::string& extra = "") {
  return "\"" + location + "\": {\"version\": \"1.0.0\", \"resolved\": \"https://old.example/" + name +
         "/-/" + name + "-1.0.0.tgz\", \"integrity\": \"sha512-" + name + "\"" + extra + "}";
}

std::vector<std::string> Locations(const InstallPlan& plan) {
  std::vector<std::string> out;
  for (const PlanEntry& p : plan.packages) out.push_back(p.location);
  return out;
}

class PlanTest : public ::testing::Test {
 protected:
  Result<InstallPlan> Plan(const std::vector<std::string>& entries, std::set<std::string> omit = {}) {
    std::string text = "{\"name\": \"root\", \"lockfileVersion\": 3, \"requires\": true, \"packages\": {"
                       "\"\": {\"name\": \"root\"}";
    for (const std::string& e : entries) text += ", " + e;
    text += "}}";
    Result<lockfile::Lockfile> lock = lockfile::ParseLockfile(text, "package-lock.json");
    EXPECT_TRUE(lock.ok()) << lock.status().message();
    if (!lock.ok()) return lock.status();
    config::NetworkOptions network;
    network.registry = "https://registry.example/";
    PlanOptions options;
    options.omit = std::move(omit);
    options.platform = {"linux", "x64", "glibc"};
    return PlanFromLockfile(*lock, network, options);
  }
};

TEST_F(PlanTest, SortsByDepthThenLocationAndFetchesFromTheConfiguredRegistry) {
  Result<InstallPlan> plan = Plan({Entry("node_modules/b/node_modules/a", "a"), Entry("node_modules/b", "b"),
                                   Entry("node_modules/a", "a")});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(Locations(*plan), (std::vector<std::string>{"node_modules/a", "node_modules/b",
                                                        "node_modules/b/node_modules/a"}));
  EXPECT_EQ(plan->packages[0].tarball, "https://registry.example/a/-/a-1.0.0.tgz");
  EXPECT_EQ(plan->packages[2].depth, 1);
}

// An optional package for another platform is skipped with what it holds; a sibling whose
// name merely starts with the same letters stays.
TEST_F(PlanTest, PlatformSkippedOptionalTakesItsNestedPackagesAlong) {
  Result<InstallPlan> plan = Plan({
      Entry("node_modules/a", "a", ", \"optional\": true, \"os\": [\"win32\"]"),
      Entry("node_modules/a/node_modules/b", "b", ", \"optional\": true"),
      Entry("node_modules/ab", "ab"),
      Entry("node_modules/ab/node_modules/b", "b"),
  });
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(Locations(*plan), (std::vector<std::string>{"node_modules/ab", "node_modules/ab/node_modules/b"}));
  EXPECT_EQ(plan->skipped, (std::vector<std::string>{"a@1.0.0"}));
}

TEST_F(PlanTest, PlatformMismatchOfARequiredPackageFails) {
  Result<InstallPlan> plan = Plan({Entry("node_modules/a", "a", ", \"cpu\": [\"arm64\"]")});
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("Unsupported platform"), std::string::npos) << plan.status().message();
}

TEST_F(PlanTest, OmittedDevPackagesGoWithWhatTheyHold) {
  Result<InstallPlan> plan = Plan({
      Entry("node_modules/d", "d", ", \"dev\": true"),
      Entry("node_modules/d/node_modules/x", "x", ", \"dev\": true"),
      Entry("node_modules/dx", "dx"),
  }, {"dev"});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(Locations(*plan), (std::vector<std::string>{"node_modules/dx"}));
}

// npm marks what the root's bundleDependencies bring along "inBundle" too, and installs
// it; what a package's tarball brings (below a holder not in a bundle) is never fetched.
TEST_F(PlanTest, RootBundlesAreInstalledDependencyBundlesAreNot) {
  Result<InstallPlan> plan = Plan({Entry("node_modules/a", "a", ", \"inBundle\": true"),
                                   Entry("node_modules/a/node_modules/d", "d", ", \"inBundle\": true"),
                                   Entry("node_modules/t", "t"),
                                   Entry("node_modules/t/node_modules/x", "x", ", \"inBundle\": true"),
                                   Entry("node_modules/t/node_modules/x/node_modules/y", "y", ", \"inBundle\": true")});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  std::map<std::string, bool> in_bundle;
  for (const PlanEntry& p : plan->packages) in_bundle[p.location] = p.in_bundle;
  EXPECT_FALSE(in_bundle.at("node_modules/a"));
  EXPECT_FALSE(in_bundle.at("node_modules/a/node_modules/d"));
  EXPECT_FALSE(in_bundle.at("node_modules/t"));
  EXPECT_TRUE(in_bundle.at("node_modules/t/node_modules/x"));
  EXPECT_TRUE(in_bundle.at("node_modules/t/node_modules/x/node_modules/y"));
}

}  // namespace
}  // namespace skua::pm::cli
