// Which folders count as hashed CA folders.
#include "base/hashed_ca_folder.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace skua {
namespace {

void Touch(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0) << path;
  close(fd);
}

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
    Touch(dir + "/" + name);
  }
  EXPECT_FALSE(HasHashedCaLinks(dir));
  Touch(dir + "/002c0b4f.0");
  EXPECT_TRUE(HasHashedCaLinks(dir));
}

}  // namespace
}  // namespace skua
