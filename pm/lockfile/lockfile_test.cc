// ParseLockfile / SerializeLockfile: every lockfile npm 11 wrote for the generated tree
// cases (pm/tree/testdata, tools/pm/gen_tree_cases.js) must come back byte for byte.
#include "pm/lockfile/lockfile.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace skua::pm::lockfile {
namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

std::vector<std::string> CaseNames() {
  std::string list;
  std::vector<std::string> names;
  if (!ReadFile("pm/tree/testdata/cases.txt", &list)) return names;
  std::istringstream in(list);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) names.push_back(line);
  }
  return names;
}

// Calls `fn(name, text, lock)` for each tree case npm wrote a lockfile for.
void ForEachCaseLockfile(const std::function<void(const std::string&, const std::string&, const Lockfile&)>& fn) {
  for (const std::string& name : CaseNames()) {
    std::string text;
    if (!ReadFile("pm/tree/testdata/" + name + "/package-lock.json", &text)) continue;  // npm error case
    Result<Lockfile> lock = ParseLockfile(text, name);
    ASSERT_TRUE(lock.ok()) << name << ": " << lock.status().message();
    fn(name, text, *lock);
  }
}

TEST(LockfileTest, RoundTripsEveryNpmLockfile) {
  ASSERT_GT(CaseNames().size(), 30u);
  int checked = 0;
  ForEachCaseLockfile([&](const std::string& name, const std::string& text, const Lockfile& lock) {
    EXPECT_EQ(SerializeLockfile(lock, DetectFormat(text)), text) << name;
    ++checked;
  });
  EXPECT_GT(checked, 30);
}

// The hidden lockfile cut out of the lockfile's text equals the serialised lockfile
// without its root entry, in every format the cases use (two spaces, four, tabs, CRLF).
TEST(LockfileTest, HiddenLockfileTextDropsTheRootEntry) {
  int checked = 0;
  ForEachCaseLockfile([&](const std::string& name, const std::string& text, const Lockfile& lock) {
    for (const char* newline : {"\n", "\r\n"}) {
      JsonFormat format = DetectFormat(text);
      format.newline = newline;
      Lockfile hidden = lock;
      ASSERT_FALSE(hidden.packages.empty());
      ASSERT_EQ(hidden.packages.front().location, "") << name;
      hidden.packages.erase(hidden.packages.begin());
      std::optional<std::string> cut = HiddenLockfileText(SerializeLockfile(lock, format));
      if (hidden.packages.empty()) {
        EXPECT_FALSE(cut.has_value()) << name;
        continue;
      }
      ASSERT_TRUE(cut.has_value()) << name;
      EXPECT_EQ(*cut, SerializeLockfile(hidden, format)) << name;
      ++checked;
    }
  });
  EXPECT_GT(checked, 60);
  // Without a root entry there is nothing to cut; without any entry left, nothing to keep.
  EXPECT_EQ(*HiddenLockfileText("{\"packages\": {\"node_modules/a\": {}}}"), "{\"packages\": {\"node_modules/a\": {}}}");
  EXPECT_FALSE(HiddenLockfileText("{\"packages\": {\"\": {}}}").has_value());
  EXPECT_FALSE(HiddenLockfileText("{\"packages\": {\"\": {}, \"a\": {}}}", {"a"}).has_value());
  EXPECT_FALSE(HiddenLockfileText("not json").has_value());
  EXPECT_EQ(*HiddenLockfileText("{\"a\": [1, {\"}\": \"\\\"{\"}], \"packages\": {\"\": {\"x\": {}}, \"b\": 2}}"),
            "{\"a\": [1, {\"}\": \"\\\"{\"}], \"packages\": { \"b\": 2}}");
}

// What the install left out (another platform's optional packages) is cut out too: the
// text equals the lockfile serialised without those entries, whichever they are (every
// third here, so the first and the last entry are each cut in some case).
TEST(LockfileTest, HiddenLockfileTextDropsWhatWasLeftOut) {
  int checked = 0;
  ForEachCaseLockfile([&](const std::string& name, const std::string& text, const Lockfile& lock) {
    for (size_t offset : {0, 1, 2}) {
      std::set<std::string> left_out;
      Lockfile hidden = lock;
      hidden.packages.clear();
      for (size_t i = 0; i < lock.packages.size(); ++i) {
        const LockEntry& entry = lock.packages[i];
        if (entry.location.empty()) continue;
        if (i % 3 == offset) {
          left_out.insert(entry.location);
        } else {
          hidden.packages.push_back(entry);
        }
      }
      JsonFormat format = DetectFormat(text);
      std::optional<std::string> cut = HiddenLockfileText(SerializeLockfile(lock, format), left_out);
      if (hidden.packages.empty()) {
        EXPECT_FALSE(cut.has_value()) << name;
        continue;
      }
      ASSERT_TRUE(cut.has_value()) << name;
      EXPECT_EQ(*cut, SerializeLockfile(hidden, format)) << name << " offset " << offset;
      ++checked;
    }
  });
  EXPECT_GT(checked, 60);
}

TEST(LockfileTest, FormatFollowsPackageJson) {
  for (const char* name : {"indent_tabs", "indent_four"}) {
    std::string lock_text, package_json;
    ASSERT_TRUE(ReadFile(std::string("pm/tree/testdata/") + name + "/package-lock.json", &lock_text));
    ASSERT_TRUE(ReadFile(std::string("pm/tree/testdata/") + name + "/package.json", &package_json));
    Result<Lockfile> lock = ParseLockfile(lock_text, name);
    ASSERT_TRUE(lock.ok());
    EXPECT_EQ(SerializeLockfile(*lock, DetectFormat(package_json)), lock_text) << name;
  }
}

TEST(LockfileTest, ReadsFields) {
  Result<Lockfile> lock = ParseLockfile(R"({
  "name": "root", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
  "packages": {
    "": {"name": "root", "version": "1.0.0", "dependencies": {"foo": "npm:bar@1"}},
    "node_modules/foo": {"name": "bar", "version": "1.0.0"},
    "node_modules/@s/a": {"version": "2.0.0", "dev": true}
  }
})", "package-lock.json");
  ASSERT_TRUE(lock.ok()) << lock.status().message();
  EXPECT_EQ(lock->name, "root");
  ASSERT_EQ(lock->packages.size(), 3u);
  EXPECT_EQ(lock->Find("node_modules/foo")->PackageName(), "bar");
  EXPECT_EQ(lock->Find("node_modules/@s/a")->PackageName(), "@s/a");
  EXPECT_TRUE(lock->Find("node_modules/@s/a")->meta.GetBool("dev"));
  EXPECT_EQ(lock->Find("missing"), nullptr);
}

TEST(LockfileTest, V2IsReadAndWrittenAsV3) {
  Result<Lockfile> lock = ParseLockfile(R"({"name":"r","lockfileVersion":2,"requires":true,
    "packages":{"":{"name":"r"},"node_modules/a":{"version":"1.0.0"}},
    "dependencies":{"a":{"version":"1.0.0"}}})", "package-lock.json");
  ASSERT_TRUE(lock.ok());
  EXPECT_EQ(SerializeLockfile(*lock, JsonFormat{}),
            "{\n  \"name\": \"r\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n"
            "    \"\": {\n      \"name\": \"r\"\n    },\n    \"node_modules/a\": {\n      \"version\": \"1.0.0\"\n"
            "    }\n  }\n}\n");
}

TEST(LockfileTest, V1IsRefusedWithAClearMessage) {
  Result<Lockfile> lock = ParseLockfile(R"({"name":"r","lockfileVersion":1,"dependencies":{}})", "/p/package-lock.json");
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.status().message(),
            "/p/package-lock.json: unsupported lockfile version 1; run `skua install` to upgrade it");
  EXPECT_FALSE(ParseLockfile("{not json", "package-lock.json").ok());
  EXPECT_FALSE(ParseLockfile("[]", "package-lock.json").ok());
}

TEST(LockfileTest, LocationDepth) {
  EXPECT_EQ(LocationDepth(""), -1);
  EXPECT_EQ(LocationDepth("p/w"), -1);
  EXPECT_EQ(LocationDepth("node_modules/@s/a"), 0);
  EXPECT_EQ(LocationDepth("node_modules/a/node_modules/b"), 1);
  EXPECT_EQ(LocationDepth("p/w/node_modules/a"), 0);
}

TEST(LockfileTest, HolderLocation) {
  EXPECT_EQ(HolderLocation("node_modules/a"), "");
  EXPECT_EQ(HolderLocation("node_modules/@s/a"), "");
  EXPECT_EQ(HolderLocation("node_modules/a/node_modules/@s/b"), "node_modules/a");
  EXPECT_EQ(HolderLocation("p/w/node_modules/a"), "p/w");
  EXPECT_EQ(HolderLocation("p/w"), "");
}

TEST(LockfileTest, NameFromLocation) {
  EXPECT_EQ(NameFromLocation("node_modules/a"), "a");
  EXPECT_EQ(NameFromLocation("node_modules/a/node_modules/@s/b"), "@s/b");
  EXPECT_EQ(NameFromLocation("packages/web"), "web");
  EXPECT_EQ(NameFromLocation(""), "");
}

TEST(LockfileTest, IsInside) {
  EXPECT_TRUE(IsInside("node_modules/a/node_modules/b", "node_modules/a"));
  EXPECT_TRUE(IsInside("node_modules/a/x", "node_modules/a"));
  EXPECT_FALSE(IsInside("node_modules/ab", "node_modules/a"));
  EXPECT_FALSE(IsInside("node_modules/a", "node_modules/a"));
  EXPECT_FALSE(IsInside("node_modules", "node_modules/a"));
}

TEST(LockfileTest, IsTopLocation) {
  for (const char* top : {"", "packages/a", "../lib", "packages/node_modules_x"}) EXPECT_TRUE(IsTopLocation(top)) << top;
  for (const char* nested : {"node_modules/a", "packages/a/node_modules/b", "node_modules/@s/a"}) {
    EXPECT_FALSE(IsTopLocation(nested)) << nested;
  }
}

// Node's lookup order: the package's own node_modules, then each enclosing one.
TEST(LockfileTest, ResolveLocationWalksUp) {
  std::set<std::string> there = {"node_modules/b", "node_modules/a/node_modules/@s/c",
                                 "packages/w/node_modules/b"};
  auto exists = [&there](const std::string& at) { return there.count(at) > 0; };
  EXPECT_EQ(ResolveLocation("node_modules/a/node_modules/@s/c", "b", exists), "node_modules/b");
  EXPECT_EQ(ResolveLocation("node_modules/a", "@s/c", exists), "node_modules/a/node_modules/@s/c");
  EXPECT_EQ(ResolveLocation("node_modules/x", "@s/c", exists), "");
  EXPECT_EQ(ResolveLocation("packages/w", "b", exists), "packages/w/node_modules/b");
  EXPECT_EQ(ResolveLocation("", "b", exists), "node_modules/b");
}

TEST(LockfileTest, LocationIndexFindsAndResolvesAsTheScanDoes) {
  Lockfile lock;
  for (const char* at : {"", "node_modules/b", "node_modules/a", "node_modules/a/node_modules/b"}) {
    lock.packages.push_back(LockEntry{at, JsonValue::Object()});
  }
  LocationIndex index(lock);
  for (const LockEntry& e : lock.packages) EXPECT_EQ(index.Find(e.location), lock.Find(e.location));
  EXPECT_EQ(index.Find("node_modules/c"), nullptr);
  EXPECT_EQ(index.Resolve("node_modules/a", "b"), &lock.packages[3]);
  EXPECT_EQ(index.Resolve("node_modules/b", "b"), &lock.packages[1]);
  EXPECT_EQ(index.Resolve("", "a"), &lock.packages[2]);
  EXPECT_EQ(index.Resolve("node_modules/a", "c"), nullptr);
}

}  // namespace
}  // namespace skua::pm::lockfile
