// Key derivation: pbkdf2, scrypt and hkdf, each a CryptoJob (sync or on the thread pool).
// stdlib validates every argument first (digest known, lengths and scrypt parameters in
// range), so a failure here is OpenSSL's.
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

size_t SizeArg(v8::Local<v8::Value> value) {
  CHECK(value->IsNumber());
  return static_cast<size_t>(value.As<v8::Number>()->Value());
}

class Pbkdf2Job : public CryptoJob {
 public:
  Pbkdf2Job(Bytes password, Bytes salt, uint64_t iterations, size_t length, const EVP_MD* md)
      : password_(std::move(password)), salt_(std::move(salt)), iterations_(iterations),
        out_(length), md_(md) {}

  void Run() override {
    static const char kEmpty = 0;
    const char* pass = password_.empty() ? &kEmpty : reinterpret_cast<char*>(password_.data());
    if (PKCS5_PBKDF2_HMAC(pass, static_cast<int>(password_.size()), salt_.data(),
                          static_cast<int>(salt_.size()), static_cast<int>(iterations_), md_,
                          static_cast<int>(out_.size()), out_.data()) != 1) {
      error_ = JobError::FromOpenSsl("PBKDF2 failed");
    }
  }
  v8::Local<v8::Value> Result(v8::Isolate* isolate) override {
    return AdoptArrayBuffer(isolate, std::move(out_));
  }

 private:
  Bytes password_, salt_;
  uint64_t iterations_;
  Bytes out_;
  const EVP_MD* md_;
};

// pbkdf2(password, salt, iterations, keylen, digest, callback?).
void Pbkdf2(const v8::FunctionCallbackInfo<v8::Value>& args) {
  const EVP_MD* md = GetDigest(ToUtf8(args.GetIsolate(), args[4]));
  CHECK(md != nullptr);  // stdlib checked the digest.
  CryptoJob::Dispatch(args,
                      std::make_unique<Pbkdf2Job>(CopyOf(args[0]), CopyOf(args[1]),
                                                  SizeArg(args[2]), SizeArg(args[3]), md),
                      args[5]);
}

class ScryptJob : public CryptoJob {
 public:
  ScryptJob(Bytes password, Bytes salt, size_t length, uint64_t n, uint64_t r, uint64_t p,
            uint64_t maxmem)
      : password_(std::move(password)), salt_(std::move(salt)), out_(length), n_(n), r_(r),
        p_(p), maxmem_(maxmem) {}

  void Run() override {
    if (EVP_PBE_scrypt(reinterpret_cast<const char*>(password_.data()), password_.size(),
                       salt_.data(), salt_.size(), n_, r_, p_, maxmem_, out_.data(),
                       out_.size()) != 1) {
      error_ = JobError::FromOpenSsl("Scrypt failed");
    }
  }
  v8::Local<v8::Value> Result(v8::Isolate* isolate) override {
    return AdoptArrayBuffer(isolate, std::move(out_));
  }

 private:
  Bytes password_, salt_, out_;
  uint64_t n_, r_, p_, maxmem_;
};

// scrypt(password, salt, keylen, N, r, p, maxmem, callback?).
void Scrypt(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CryptoJob::Dispatch(
      args,
      std::make_unique<ScryptJob>(CopyOf(args[0]), CopyOf(args[1]), SizeArg(args[2]),
                                  SizeArg(args[3]), SizeArg(args[4]), SizeArg(args[5]),
                                  SizeArg(args[6])),
      args[7]);
}

// checkScryptParams(N, r, p, maxmem): whether OpenSSL accepts them (no derivation).
void CheckScryptParams(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int ok = EVP_PBE_scrypt(nullptr, 0, nullptr, 0, SizeArg(args[0]), SizeArg(args[1]),
                          SizeArg(args[2]), SizeArg(args[3]), nullptr, 0);
  ERR_clear_error();
  args.GetReturnValue().Set(ok == 1);
}

class HkdfJob : public CryptoJob {
 public:
  HkdfJob(const EVP_MD* md, Bytes key, Bytes salt, Bytes info, size_t length)
      : md_(md), key_(std::move(key)), salt_(std::move(salt)), info_(std::move(info)),
        out_(length) {}

  void Run() override {
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX* ctx = kdf != nullptr ? EVP_KDF_CTX_new(kdf) : nullptr;
    // An empty key or salt still needs a valid pointer for OpenSSL's parameter checks.
    static uint8_t empty = 0;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST,
                                         const_cast<char*>(EVP_MD_get0_name(md_)), 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                          key_.empty() ? &empty : key_.data(), key_.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
                                          salt_.empty() ? &empty : salt_.data(), salt_.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO,
                                          info_.empty() ? &empty : info_.data(), info_.size()),
        OSSL_PARAM_construct_end(),
    };
    if (ctx == nullptr || out_.empty() ||
        EVP_KDF_derive(ctx, out_.data(), out_.size(), params) != 1) {
      if (!out_.empty()) error_ = JobError::FromOpenSsl("HKDF failed");
    }
    EVP_KDF_CTX_free(ctx);
    EVP_KDF_free(kdf);
  }
  v8::Local<v8::Value> Result(v8::Isolate* isolate) override {
    return AdoptArrayBuffer(isolate, std::move(out_));
  }

 private:
  const EVP_MD* md_;
  Bytes key_, salt_, info_, out_;
};

// hkdf(digest, key, salt, info, keylen, callback?).
void Hkdf(const v8::FunctionCallbackInfo<v8::Value>& args) {
  const EVP_MD* md = GetDigest(ToUtf8(args.GetIsolate(), args[0]));
  CHECK(md != nullptr);  // stdlib checked the digest.
  CryptoJob::Dispatch(args,
                      std::make_unique<HkdfJob>(md, CopyOf(args[1]), CopyOf(args[2]),
                                                CopyOf(args[3]), SizeArg(args[4])),
                      args[5]);
}

}  // namespace

void InitializeKdf(BindingTarget& target) {
  target.Method("pbkdf2", Pbkdf2);
  target.Method("scrypt", Scrypt);
  target.Method("checkScryptParams", CheckScryptParams);
  target.Method("hkdf", Hkdf);
}

}  // namespace skua::crypto
