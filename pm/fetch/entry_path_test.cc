// Table-driven tests for tarball entry path sanitisation.
#include "pm/fetch/entry_path.h"

#include "gtest/gtest.h"

namespace skua::pm::fetch {
namespace {

struct Case {
  const char* raw;
  const char* expected;  // nullptr: refused.
};

TEST(EntryPathTest, Table) {
  const Case kCases[] = {
      {"package/index.js", "index.js"},
      {"package/lib/a/b.js", "lib/a/b.js"},
      {"node/index.js", "index.js"},  // Any first component is stripped.
      {"user-repo-abc123/src/x.js", "src/x.js"},
      {"./package/index.js", "index.js"},
      {"package//lib/./x.js", "lib/x.js"},
      {"package/a..b.js", "a..b.js"},  // `..` inside a name is fine.
      {"package/..a/b", "..a/b"},
      {"package/back\\slash", "back\\slash"},  // Not a separator on POSIX.
      {"package/", ""},
      {"package", ""},
      {"", ""},
      {"package/../x", nullptr},
      {"../../etc/x", nullptr},
      {"package/a/../../b", nullptr},
      {"package/..", nullptr},
      {"/etc/passwd", nullptr},
      {"//etc/passwd", nullptr},
      {"C:/windows/x", nullptr},
      {"c:foo", nullptr},
      {"\\\\server\\share\\x", nullptr},
  };
  for (const Case& c : kCases) {
    Result<std::string> result = SanitizeEntryPath(c.raw, PathLimits{});
    if (c.expected == nullptr) {
      ASSERT_FALSE(result.ok()) << c.raw << " -> " << *result;
      EXPECT_EQ(result.status().message().rfind("ETARPATH", 0), 0u) << result.status().message();
    } else {
      ASSERT_TRUE(result.ok()) << c.raw << ": " << result.status().message();
      EXPECT_EQ(*result, c.expected) << c.raw;
    }
  }
}

TEST(EntryPathTest, NulIsRefused) {
  std::string raw("package/a\0b", 11);
  EXPECT_FALSE(SanitizeEntryPath(raw, PathLimits{}).ok());
}

TEST(EntryPathTest, Limits) {
  PathLimits limits;
  limits.max_depth = 3;
  limits.max_length = 10;
  EXPECT_TRUE(SanitizeEntryPath("package/a/b/c", limits).ok());
  EXPECT_FALSE(SanitizeEntryPath("package/a/b/c/d", limits).ok());
  EXPECT_TRUE(SanitizeEntryPath("package/0123456789", limits).ok());
  EXPECT_FALSE(SanitizeEntryPath("package/0123456789a", limits).ok());
}

}  // namespace
}  // namespace skua::pm::fetch
