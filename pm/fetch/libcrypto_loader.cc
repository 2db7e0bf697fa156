// Forwarders for the OpenSSL EVP functions pm calls, to libcrypto.so.3 opened with dlopen
// the first time one of them runs (see libcrypto_loader.h for why).
#include "pm/fetch/libcrypto_loader.h"

#include <openssl/evp.h>

#include <atomic>
#include <string>

#include "base/check.h"
#include "base/shared_library.h"

#define SKUA_PM_CRYPTO_FUNCTIONS(V) \
  V(EVP_MD_CTX_new)                 \
  V(EVP_MD_CTX_free)                \
  V(EVP_DigestInit_ex)              \
  V(EVP_DigestUpdate)               \
  V(EVP_DigestFinal_ex)             \
  V(EVP_Digest)                     \
  V(EVP_sha1)                       \
  V(EVP_sha256)                     \
  V(EVP_sha384)                     \
  V(EVP_sha512)

namespace skua::pm::fetch {
namespace {

struct CryptoApi {
#define SKUA_PM_FIELD(name) decltype(&::name) name = nullptr;
  SKUA_PM_CRYPTO_FUNCTIONS(SKUA_PM_FIELD)
#undef SKUA_PM_FIELD
};

std::atomic<bool> loaded{false};

// Opened once, on the first call from any thread (a function-local static).
const CryptoApi& Crypto() {
  static const CryptoApi api = [] {
    CryptoApi a;
#define SKUA_PM_SYMBOL(name) SKUA_SHARED_LIBRARY_SYMBOL(a, name)
    std::string error =
        OpenSharedLibrary("libcrypto.so.3", {SKUA_PM_CRYPTO_FUNCTIONS(SKUA_PM_SYMBOL)});
#undef SKUA_PM_SYMBOL
    if (!error.empty()) ::skua::internal::CheckFailed(__FILE__, __LINE__, error.c_str());
    loaded.store(true);
    return a;
  }();
  return api;
}

}  // namespace

bool LibcryptoLoaded() { return loaded.load(); }

}  // namespace skua::pm::fetch

using skua::pm::fetch::Crypto;

extern "C" {

EVP_MD_CTX* EVP_MD_CTX_new(void) { return Crypto().EVP_MD_CTX_new(); }
void EVP_MD_CTX_free(EVP_MD_CTX* context) { Crypto().EVP_MD_CTX_free(context); }
int EVP_DigestInit_ex(EVP_MD_CTX* context, const EVP_MD* type, ENGINE* engine) {
  return Crypto().EVP_DigestInit_ex(context, type, engine);
}
int EVP_DigestUpdate(EVP_MD_CTX* context, const void* data, size_t count) {
  return Crypto().EVP_DigestUpdate(context, data, count);
}
int EVP_DigestFinal_ex(EVP_MD_CTX* context, unsigned char* digest, unsigned int* size) {
  return Crypto().EVP_DigestFinal_ex(context, digest, size);
}
int EVP_Digest(const void* data, size_t count, unsigned char* digest, unsigned int* size,
               const EVP_MD* type, ENGINE* engine) {
  return Crypto().EVP_Digest(data, count, digest, size, type, engine);
}
const EVP_MD* EVP_sha1(void) { return Crypto().EVP_sha1(); }
const EVP_MD* EVP_sha256(void) { return Crypto().EVP_sha256(); }
const EVP_MD* EVP_sha384(void) { return Crypto().EVP_sha384(); }
const EVP_MD* EVP_sha512(void) { return Crypto().EVP_sha512(); }

}  // extern "C"
