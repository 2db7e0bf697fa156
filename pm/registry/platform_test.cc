// npm-install-checks' os/cpu/libc list rule and engines check.
#include "pm/registry/platform.h"

#include "gtest/gtest.h"

namespace skua::pm::registry {
namespace {

struct ListCase {
  const char* value;
  std::vector<std::string> list;
  bool allowed;
};

TEST(PlatformTest, ListRule) {
  const ListCase cases[] = {
      {"linux", {"any"}, true},           {"linux", {"linux"}, true},
      {"linux", {"darwin"}, false},       {"linux", {"darwin", "linux"}, true},
      {"linux", {"!win32"}, true},        {"linux", {"!linux"}, false},
      {"linux", {"!win32", "darwin"}, false}, {"linux", {"!win32", "!darwin"}, true},
      {"linux", {"linux", "!linux"}, false},  {"linux", {"any", "darwin"}, false},
  };
  for (const ListCase& c : cases) {
    EXPECT_EQ(PlatformListAllows(c.value, c.list), c.allowed) << c.value << " #" << c.list.size();
  }
}

TEST(PlatformTest, CheckPlatform) {
  Platform linux{"linux", "x64", "glibc"};
  Manifest m;
  m.name = "fsevents";
  m.version = "2.3.3";
  EXPECT_TRUE(CheckPlatform(m, linux).ok());
  m.os = {"darwin"};
  Status s = CheckPlatform(m, linux);
  EXPECT_EQ(s.message(),
            "code EBADPLATFORM\nUnsupported platform for fsevents@2.3.3: wanted {\"os\":[\"darwin\"]} "
            "(current: {\"os\":\"linux\",\"cpu\":\"x64\",\"libc\":\"glibc\"})");
  m.os = {"linux"};
  m.libc = {"musl"};
  EXPECT_FALSE(CheckPlatform(m, linux).ok());
  m.libc = {"glibc"};
  EXPECT_TRUE(CheckPlatform(m, linux).ok());
  EXPECT_FALSE(CheckPlatform(m, Platform{"linux", "x64", ""}).ok());  // libc unknown.
}

TEST(PlatformTest, HostPlatformIsKnown) {
  Platform host = HostPlatform();
  EXPECT_EQ(host.os, "linux");
  EXPECT_FALSE(host.cpu.empty());
  EXPECT_EQ(host.libc, "glibc");  // Debian 12.
}

TEST(PlatformTest, Engines) {
  Manifest m;
  m.name = "a";
  m.version = "1.0.0";
  EXPECT_TRUE(EngineOk(m, "20.11.1"));
  m.engines = {{"node", ">=18"}, {"npm", ">=99"}};  // npm's own version is not checked.
  EXPECT_TRUE(EngineOk(m, "20.11.1"));
  EXPECT_TRUE(EngineOk(m, ""));
  m.engines = {{"node", ">=22"}};
  EXPECT_FALSE(EngineOk(m, "20.11.1"));
  EXPECT_EQ(CheckEngine(m, "20.11.1").message(),
            "Unsupported engine for a@1.0.0: wanted: {\"node\":\">=22\"} (current: {\"node\":\"20.11.1\"})");
  m.engines = {{"node", ">=20"}};
  EXPECT_TRUE(EngineOk(m, "20.0.0-pre"));  // includePrerelease.
  m.engines = {{"node", "not a range"}};
  EXPECT_FALSE(EngineOk(m, "20.11.1"));
}

}  // namespace
}  // namespace skua::pm::registry
