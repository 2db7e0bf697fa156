// Tests for the lazily opened libcrypto: nothing is loaded before the first digest, and
// the forwarders give OpenSSL's answers.
#include "pm/fetch/libcrypto_loader.h"

#include <openssl/evp.h>

#include <string>

#include "gtest/gtest.h"

namespace skua::pm::fetch {
namespace {

TEST(LibcryptoLoaderTest, OpensOnFirstUseAndForwards) {
  // This test binary does not link libcrypto: only the first forwarder call opens it.
  EXPECT_FALSE(LibcryptoLoaded());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  ASSERT_EQ(EVP_Digest("abc", 3, digest, &size, EVP_sha256(), nullptr), 1);
  EXPECT_TRUE(LibcryptoLoaded());
  ASSERT_EQ(size, 32u);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  EXPECT_EQ(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace skua::pm::fetch
