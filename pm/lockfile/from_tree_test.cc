// The whole lockfile against npm 11: for every generated case npm could install
// (pm/tree/testdata), skua's tree written as package-lock.json must equal npm's file
// byte for byte, formatted after the case's package.json.
#include "pm/lockfile/from_tree.h"

#include <gtest/gtest.h>

#include <iostream>

#include "pm/lockfile/omit_resolved.h"
#include "pm/tree/testing.h"

namespace skua::pm::lockfile {
namespace {

TEST(FromTreeTest, LockfileBytesMatchNpm) {
  const std::string dir = "pm/tree/testdata";
  std::vector<std::string> names = tree::testing::CaseNames(dir);
  ASSERT_GT(names.size(), 30u);
  int matched = 0, total = 0;
  for (const std::string& name : names) {
    Result<tree::testing::NpmCase> c = tree::testing::LoadCase(dir, name);
    ASSERT_TRUE(c.ok()) << c.status().message();
    if (c->npm_lockfile.empty()) continue;
    ++total;
    tree::testing::NpmCase& tc = const_cast<tree::testing::NpmCase&>(*c);
    Result<tree::IdealTree> built = tree::BuildIdealTree(tc.package_json, tc.source, tc.options);
    if (!built.ok()) {
      ADD_FAILURE() << name << ": " << built.status().message();
      continue;
    }
    LockfileOptions options;
    for (const std::string& flag : tc.flags) {
      if (flag == "--omit-lockfile-registry-resolved") options.omit_registry_resolved = true;
    }
    Lockfile lock = LockfileFromTree(*built, options);
    // An added package was built with the user's spec; the range npm saved for it in the
    // root's (or the workspace's) entry is the CLI's to write (cli/install_command's
    // SaveRequestedRanges).
    if (!tc.options.explicit_requests.empty()) {
      Result<Lockfile> npm = ParseLockfile(tc.npm_lockfile, "package-lock.json");
      ASSERT_TRUE(npm.ok()) << name;
      for (const std::string& request : tc.options.explicit_requests) {
        size_t colon = request.find(':');
        std::string location = colon == std::string::npos ? "" : request.substr(0, colon);
        const LockEntry* theirs = npm->Find(location);
        ASSERT_NE(theirs, nullptr) << name;
        for (LockEntry& e : lock.packages) {
          if (e.location == location) e.meta = theirs->meta;
        }
      }
    }
    std::string ours = SerializeLockfile(lock, DetectFormat(tc.package_json));
    if (ours == tc.npm_lockfile) {
      ++matched;
    } else {
      ADD_FAILURE() << name << ":\n--- npm\n" << tc.npm_lockfile << "--- skua\n" << ours;
    }
  }
  std::cout << "lockfile bytes matching npm: " << matched << " of " << total << "\n";
}

// An existing lockfile with `resolved` everywhere, once OmitRegistryResolved has run, is
// the file npm writes with omit-lockfile-registry-resolved.
TEST(FromTreeTest, OmittingResolvedFromALockfileMatchesNpm) {
  const std::string dir = "pm/tree/testdata";
  int checked = 0;
  for (const std::string& name : tree::testing::CaseNames(dir)) {
    Result<tree::testing::NpmCase> c = tree::testing::LoadCase(dir, name);
    ASSERT_TRUE(c.ok()) << c.status().message();
    bool omit = false;
    for (const std::string& flag : c->flags) omit = omit || flag == "--omit-lockfile-registry-resolved";
    if (!omit || c->npm_lockfile.empty()) continue;
    tree::testing::NpmCase& tc = const_cast<tree::testing::NpmCase&>(*c);
    Result<tree::IdealTree> built = tree::BuildIdealTree(tc.package_json, tc.source, tc.options);
    ASSERT_TRUE(built.ok()) << name << ": " << built.status().message();
    JsonFormat format = DetectFormat(tc.package_json);
    std::string with_resolved = SerializeLockfile(LockfileFromTree(*built), format);
    ASSERT_NE(with_resolved, tc.npm_lockfile) << name;
    Result<Lockfile> read = ParseLockfile(with_resolved, "package-lock.json");
    ASSERT_TRUE(read.ok()) << read.status().message();
    Lockfile lock = std::move(read).value();
    EXPECT_GT(OmitRegistryResolved(lock), 0) << name;
    EXPECT_EQ(SerializeLockfile(lock, format), tc.npm_lockfile) << name;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(FromTreeTest, LinkAndFlags) {
  tree::Tree t;
  tree::Node* link = t.NewNode();
  link->name = "local";
  link->is_link = true;
  link->realpath = "packages/local";
  JsonValue meta = MetaFromNode(*link);
  EXPECT_EQ(meta.GetString("resolved"), "packages/local");
  EXPECT_TRUE(meta.GetBool("link"));
  EXPECT_EQ(meta.members().size(), 2u);

  tree::Node* dep = t.NewNode();
  dep->name = "foo";
  dep->mutable_package().name = "bar";
  dep->mutable_package().version = "1.0.0";
  dep->dev = false;
  dep->optional = false;
  dep->dev_optional = true;
  dep->peer = false;
  dep->extraneous = false;
  t.SetParent(dep, t.root());
  meta = MetaFromNode(*dep);
  EXPECT_EQ(meta.GetString("name"), "bar");  // An alias names its package.
  EXPECT_TRUE(meta.GetBool("devOptional"));
  EXPECT_FALSE(meta.GetBool("dev"));
}

}  // namespace
}  // namespace skua::pm::lockfile
