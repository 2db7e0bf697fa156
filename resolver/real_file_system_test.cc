// RealFileSystem on a temporary directory: kinds, realpath through a symlink, reads.
#include "resolver/real_file_system.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace skua::resolver {
namespace {

TEST(RealFileSystemTest, StatRealPathAndRead) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string dir = std::string(tmp ? tmp : "/tmp") + "/rfs-XXXXXX";
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  char real[4096];
  ASSERT_NE(realpath(dir.c_str(), real), nullptr);
  dir = real;
  std::ofstream(dir + "/f.js") << "hello";
  ASSERT_EQ(symlink((dir + "/f.js").c_str(), (dir + "/link.js").c_str()), 0);

  RealFileSystem fs;
  EXPECT_EQ(fs.Stat(dir), FileKind::kDirectory);
  EXPECT_EQ(fs.Stat(dir + "/f.js"), FileKind::kFile);
  EXPECT_EQ(fs.Stat(dir + "/link.js"), FileKind::kFile);
  EXPECT_EQ(fs.Stat(dir + "/nope"), FileKind::kMissing);
  EXPECT_EQ(*fs.RealPath(dir + "/link.js"), dir + "/f.js");
  EXPECT_FALSE(fs.RealPath(dir + "/nope").ok());
  EXPECT_EQ(*fs.ReadFile(dir + "/link.js"), "hello");
  EXPECT_EQ(fs.ReadFile(dir + "/nope").status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(fs.ReadFile(dir).ok());

  // Cached: a file created after the first stat stays missing until ClearCaches.
  std::ofstream(dir + "/nope") << "";
  EXPECT_EQ(fs.Stat(dir + "/nope"), FileKind::kMissing);
  fs.ClearCaches();
  EXPECT_EQ(fs.Stat(dir + "/nope"), FileKind::kFile);
}

}  // namespace
}  // namespace skua::resolver
