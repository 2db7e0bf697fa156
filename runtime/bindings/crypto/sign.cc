// One-shot signatures (crypto.sign/verify, and Sign/Verify, which buffer their input in
// stdlib) for RSA, RSA-PSS, DSA, ECDSA and EdDSA, and RSA encryption (publicEncrypt,
// privateDecrypt, privateEncrypt, publicDecrypt).
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/key_object.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

constexpr int kDerEncoding = 0;
constexpr int kP1363Encoding = 1;
constexpr int kNoPadding = -1;
constexpr int kNoSaltLength = -3;  // RSA_PSS_SALTLEN_* are -1 and -2.

// Bytes per half of an IEEE-P1363 (r || s) signature for a DSA or EC key; 0 for others.
size_t P1363HalfSize(EVP_PKEY* pkey) {
  if (EVP_PKEY_is_a(pkey, "EC")) return (EVP_PKEY_get_bits(pkey) + 7) / 8;
  if (EVP_PKEY_is_a(pkey, "DSA")) {
    BIGNUM* q = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) != 1) return 0;
    size_t bytes = BN_num_bytes(q);
    BN_free(q);
    return bytes;
  }
  return 0;
}

bool DerToP1363(const Bytes& der, size_t half, Bytes* out) {
  const unsigned char* p = der.data();
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (sig == nullptr) return false;
  out->assign(half * 2, 0);
  bool ok = BN_bn2binpad(ECDSA_SIG_get0_r(sig), out->data(), static_cast<int>(half)) > 0 &&
            BN_bn2binpad(ECDSA_SIG_get0_s(sig), out->data() + half, static_cast<int>(half)) > 0;
  ECDSA_SIG_free(sig);
  return ok;
}

bool P1363ToDer(const Bytes& raw, size_t half, Bytes* out) {
  if (raw.size() != half * 2) return false;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(raw.data(), static_cast<int>(half), nullptr);
  BIGNUM* s = BN_bin2bn(raw.data() + half, static_cast<int>(half), nullptr);
  ECDSA_SIG_set0(sig, r, s);
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (len <= 0) return false;
  out->assign(der, der + len);
  OPENSSL_free(der);
  return true;
}

class SignJob : public CryptoJob {
 public:
  SignJob(EVP_PKEY* pkey, const EVP_MD* md, Bytes data, Bytes signature, int padding,
          int salt_length, int dsa_encoding, bool verify)
      : pkey_(pkey), md_(md), data_(std::move(data)), signature_(std::move(signature)),
        padding_(padding), salt_length_(salt_length), dsa_encoding_(dsa_encoding),
        verify_(verify) {
    EVP_PKEY_up_ref(pkey_);
  }
  ~SignJob() override { EVP_PKEY_free(pkey_); }

  void Run() override {
    if (md_ != nullptr) return RunOnDigest();
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    bool ok = (verify_ ? EVP_DigestVerifyInit(ctx, &pctx, md_, nullptr, pkey_)
                       : EVP_DigestSignInit(ctx, &pctx, md_, nullptr, pkey_)) == 1;
    if (ok && padding_ != kNoPadding) ok = EVP_PKEY_CTX_set_rsa_padding(pctx, padding_) == 1;
    if (ok && salt_length_ != kNoSaltLength) {
      ok = EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt_length_) == 1;
    }
    ok = ok && Complete(
        [&](const Bytes& sig) {
          return EVP_DigestVerify(ctx, sig.data(), sig.size(), data_.data(), data_.size());
        },
        [&](unsigned char* out, size_t* len) {
          return EVP_DigestSign(ctx, out, len, data_.data(), data_.size());
        });
    if (!ok) error_ = JobError::FromOpenSsl(verify_ ? "Verify failed" : "Sign failed");
    EVP_MD_CTX_free(ctx);
  }

  // Hashes first, then signs the digest with the key's context configured in Node's
  // order (padding, salt length, digest), so a restricted RSA-PSS key reports the first
  // violated restriction as Node does.
  void RunOnDigest() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_len = 0;
    EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new(pkey_, nullptr);
    bool ok = EVP_Digest(data_.data(), data_.size(), digest, &digest_len, md_, nullptr) == 1 &&
              pctx != nullptr &&
              (verify_ ? EVP_PKEY_verify_init(pctx) : EVP_PKEY_sign_init(pctx)) == 1;
    if (ok && padding_ != kNoPadding) ok = EVP_PKEY_CTX_set_rsa_padding(pctx, padding_) == 1;
    if (ok && salt_length_ != kNoSaltLength) {
      ok = EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt_length_) == 1;
    }
    ok = ok && EVP_PKEY_CTX_set_signature_md(pctx, md_) == 1;
    ok = ok && Complete(
        [&](const Bytes& sig) {
          return EVP_PKEY_verify(pctx, sig.data(), sig.size(), digest, digest_len);
        },
        [&](unsigned char* out, size_t* len) {
          return EVP_PKEY_sign(pctx, out, len, digest, digest_len);
        });
    if (!ok) error_ = JobError::FromOpenSsl(verify_ ? "Verify failed" : "Sign failed");
    EVP_PKEY_CTX_free(pctx);
  }

  // The last step of both ways: `verify(der_signature)` or `sign(out, &len)` (OpenSSL's
  // size-then-fill convention), with P1363 signatures converted from and to DER.
  template <typename Verify, typename Sign>
  bool Complete(Verify verify, Sign sign) {
    size_t half = dsa_encoding_ == kP1363Encoding ? P1363HalfSize(pkey_) : 0;
    if (verify_) {
      Bytes der;
      const Bytes* sig = &signature_;
      if (half != 0) {
        if (!P1363ToDer(signature_, half, &der)) der.clear();
        sig = &der;
      }
      verified_ = !sig->empty() && verify(*sig) == 1;
      ERR_clear_error();  // A bad signature is a result, not an error.
      return true;
    }
    size_t len = 0;
    bool ok = sign(nullptr, &len) == 1;
    out_.resize(len);
    ok = ok && sign(out_.data(), &len) == 1;
    out_.resize(len);
    if (ok && half != 0) {
      Bytes raw;
      ok = DerToP1363(out_, half, &raw);
      out_ = std::move(raw);
    }
    return ok;
  }

  v8::Local<v8::Value> Result(v8::Isolate* isolate) override {
    if (verify_) return v8::Boolean::New(isolate, verified_);
    return AdoptArrayBuffer(isolate, std::move(out_));
  }

 private:
  EVP_PKEY* pkey_;
  const EVP_MD* md_;
  Bytes data_, signature_, out_;
  int padding_, salt_length_, dsa_encoding_;
  bool verify_;
  bool verified_ = false;
};

int IntArg(const v8::FunctionCallbackInfo<v8::Value>& args, int i, int fallback) {
  return args[i]->IsInt32() ? args[i].As<v8::Int32>()->Value() : fallback;
}

// sign(key, digest?, data, padding?, saltLength?, dsaEncoding, callback?): ArrayBuffer.
// verify(key, digest?, data, signature, padding?, saltLength?, dsaEncoding, callback?).
// Returns -1 (without signing) for an unknown digest.
void SignOrVerify(const v8::FunctionCallbackInfo<v8::Value>& args, bool verify) {
  KeyObjectHandle* key = KeyObjectHandle::From(args[0]);
  CHECK(key != nullptr && key->pkey() != nullptr);
  const EVP_MD* md = nullptr;
  if (args[1]->IsString()) {
    md = GetDigest(ToUtf8(args.GetIsolate(), args[1]));
    if (md == nullptr) return args.GetReturnValue().Set(-1);
  }
  int i = verify ? 4 : 3;
  Bytes signature = verify ? CopyOf(args[3]) : Bytes();
  CryptoJob::Dispatch(
      args,
      std::make_unique<SignJob>(key->pkey(), md, CopyOf(args[2]), std::move(signature),
                                IntArg(args, i, kNoPadding), IntArg(args, i + 1, kNoSaltLength),
                                IntArg(args, i + 2, kDerEncoding), verify),
      args[i + 3]);
}

void Sign(const v8::FunctionCallbackInfo<v8::Value>& args) { SignOrVerify(args, false); }
void Verify(const v8::FunctionCallbackInfo<v8::Value>& args) { SignOrVerify(args, true); }

enum AsymOp { kPublicEncrypt = 0, kPrivateDecrypt = 1, kPrivateEncrypt = 2, kPublicDecrypt = 3 };

// asymmetricCipher(op, key, data, padding, oaepHash?, oaepLabel?): ArrayBuffer; -1 for an
// unknown OAEP digest.
void AsymmetricCipher(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int op = args[0].As<v8::Int32>()->Value();
  KeyObjectHandle* key = KeyObjectHandle::From(args[1]);
  CHECK(key != nullptr && key->pkey() != nullptr);
  View in = ViewOf(args[2]);
  int padding = args[3].As<v8::Int32>()->Value();
  const EVP_MD* oaep_md = nullptr;
  if (args[4]->IsString()) {
    oaep_md = GetDigest(ToUtf8(isolate, args[4]));
    if (oaep_md == nullptr) return args.GetReturnValue().Set(-1);
  }
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key->pkey(), nullptr);
  bool ok = ctx != nullptr;
  if (ok) {
    switch (op) {
      case kPublicEncrypt: ok = EVP_PKEY_encrypt_init(ctx) == 1; break;
      case kPrivateDecrypt: ok = EVP_PKEY_decrypt_init(ctx) == 1; break;
      case kPrivateEncrypt: ok = EVP_PKEY_sign_init(ctx) == 1; break;
      default: ok = EVP_PKEY_verify_recover_init(ctx) == 1; break;
    }
  }
  ok = ok && EVP_PKEY_CTX_set_rsa_padding(ctx, padding) == 1;
  if (ok && padding == RSA_PKCS1_OAEP_PADDING && oaep_md != nullptr) {
    ok = EVP_PKEY_CTX_set_rsa_oaep_md(ctx, oaep_md) == 1;
  }
  if (ok && padding == RSA_PKCS1_OAEP_PADDING && args[5]->IsArrayBufferView()) {
    View label = ViewOf(args[5]);
    if (label.size > 0) {
      void* copy = OPENSSL_memdup(label.data, label.size);
      ok = EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, static_cast<int>(label.size)) == 1;
      if (!ok) OPENSSL_free(copy);
    }
  }
  auto run = [&](uint8_t* out, size_t* len) {
    switch (op) {
      case kPublicEncrypt: return EVP_PKEY_encrypt(ctx, out, len, in.data, in.size);
      case kPrivateDecrypt: return EVP_PKEY_decrypt(ctx, out, len, in.data, in.size);
      case kPrivateEncrypt: return EVP_PKEY_sign(ctx, out, len, in.data, in.size);
      default: return EVP_PKEY_verify_recover(ctx, out, len, in.data, in.size);
    }
  };
  size_t len = 0;
  ok = ok && run(nullptr, &len) == 1;
  Bytes out(len);
  ok = ok && run(out.data(), &len) == 1;
  EVP_PKEY_CTX_free(ctx);
  if (!ok) return ThrowOpenSsl(isolate, "Operation failed");
  out.resize(len);
  args.GetReturnValue().Set(AdoptArrayBuffer(isolate, std::move(out)));
}

}  // namespace

void InitializeSign(BindingTarget& target) {
  target.Method("sign", Sign);
  target.Method("verify", Verify);
  target.Method("asymmetricCipher", AsymmetricCipher);
}

}  // namespace skua::crypto
