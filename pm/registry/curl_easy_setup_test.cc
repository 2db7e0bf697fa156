// Which folders count as hashed CA folders (the system CAs are read from one when curl
// was built with it: see ApplyCurlEasySettings).
#include "pm/registry/curl_easy_setup.h"

#include <stdlib.h>

#include <gtest/gtest.h>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::registry {
namespace {

std::string TempDir() {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string pattern = std::string(tmp ? tmp : "/tmp") + "/ca.XXXXXX";
  return mkdtemp(pattern.data());
}

TEST(HasHashedCaLinksTest, NeedsAnEightHexDigitLink) {
  std::string dir = TempDir();
  EXPECT_FALSE(HasHashedCaLinks(dir));
  EXPECT_FALSE(HasHashedCaLinks(dir + "/missing"));
  for (const char* name : {"ca-certificates.crt", "002c0b4f.pem", "002C0B4F.0", "02c0b4f.0", "002c0b4g.0"}) {
    ASSERT_TRUE(fsutil::WriteFileAtomic(dir + "/" + name, "x").ok());
  }
  EXPECT_FALSE(HasHashedCaLinks(dir));
  ASSERT_TRUE(fsutil::WriteFileAtomic(dir + "/002c0b4f.0", "x").ok());
  EXPECT_TRUE(HasHashedCaLinks(dir));
}

}  // namespace
}  // namespace skua::pm::registry
