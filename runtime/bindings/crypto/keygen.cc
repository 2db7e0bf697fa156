// generateKeyPair(Sync) for rsa, rsa-pss, ec, ed25519/ed448, x25519/x448, dsa and dh: the
// context is configured on the loop thread, the (slow) generation runs in a CryptoJob.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/dsa.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/key_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

class KeyPairJob : public CryptoJob {
 public:
  // Takes ownership of `ctx`. With `paramgen`, ctx generates parameters first and the
  // key is generated from them.
  KeyPairJob(Realm* realm, EVP_PKEY_CTX* ctx, bool paramgen)
      : realm_(realm), ctx_(ctx), paramgen_(paramgen) {}
  ~KeyPairJob() override {
    EVP_PKEY_CTX_free(ctx_);
    EVP_PKEY_free(pkey_);
  }

  void Run() override {
    EVP_PKEY_CTX* keyctx = ctx_;
    EVP_PKEY* params = nullptr;
    bool ok = true;
    if (paramgen_) {
      ok = EVP_PKEY_generate(ctx_, &params) == 1;
      keyctx = ok ? EVP_PKEY_CTX_new(params, nullptr) : nullptr;
      ok = ok && keyctx != nullptr && EVP_PKEY_keygen_init(keyctx) == 1;
    }
    ok = ok && EVP_PKEY_generate(keyctx, &pkey_) == 1;
    if (!ok) error_ = JobError::FromOpenSsl("Key generation failed");
    if (keyctx != ctx_) EVP_PKEY_CTX_free(keyctx);
    EVP_PKEY_free(params);
  }

  v8::Local<v8::Value> Result(v8::Isolate* isolate) override {
    EVP_PKEY_up_ref(pkey_);
    v8::Local<v8::Object> pub, priv;
    EVP_PKEY* pkey = pkey_;
    pkey_ = nullptr;
    if (!KeyObjectHandle::Create(realm_, pkey, KeyObjectHandle::Kind::kPublic).ToLocal(&pub)) {
      EVP_PKEY_free(pkey);
      return v8::Undefined(isolate);
    }
    if (!KeyObjectHandle::Create(realm_, pkey, KeyObjectHandle::Kind::kPrivate).ToLocal(&priv)) {
      return v8::Undefined(isolate);
    }
    v8::Local<v8::Value> pair[2] = {pub, priv};
    return v8::Array::New(isolate, pair, 2);
  }

 private:
  Realm* realm_;
  EVP_PKEY_CTX* ctx_;
  bool paramgen_;
  EVP_PKEY* pkey_ = nullptr;
};

// The NID of a curve by OpenSSL or NIST name ("prime256v1", "P-256"); 0 if unknown.
int CurveNid(const std::string& name) {
  int nid = EC_curve_nist2nid(name.c_str());
  if (nid == NID_undef) nid = OBJ_sn2nid(name.c_str());
  if (nid == NID_undef) nid = OBJ_ln2nid(name.c_str());
  EC_GROUP* group = nid != NID_undef ? EC_GROUP_new_by_curve_name(nid) : nullptr;
  EC_GROUP_free(group);
  ERR_clear_error();
  return group != nullptr ? nid : 0;
}

v8::Local<v8::Value> Get(v8::Local<v8::Context> context, v8::Local<v8::Object> obj,
                         const char* key) {
  return obj->Get(context, OneByteString(context->GetIsolate(), key))
      .FromMaybe(v8::Local<v8::Value>());
}

// Configures `ctx` for `type` from `options` (checked by stdlib). False when OpenSSL
// refuses a parameter.
bool Configure(v8::Isolate* isolate, const std::string& type, v8::Local<v8::Object> options,
               EVP_PKEY_CTX** ctx, bool* paramgen) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  auto num = [&](const char* key) -> double {
    v8::Local<v8::Value> v = Get(context, options, key);
    return !v.IsEmpty() && v->IsNumber() ? v.As<v8::Number>()->Value() : -1;
  };
  auto str = [&](const char* key) -> std::string {
    v8::Local<v8::Value> v = Get(context, options, key);
    return !v.IsEmpty() && v->IsString() ? ToUtf8(isolate, v) : std::string();
  };
  if (type == "rsa" || type == "rsa-pss") {
    *ctx = EVP_PKEY_CTX_new_from_name(nullptr, type == "rsa" ? "RSA" : "RSA-PSS", nullptr);
    if (*ctx == nullptr || EVP_PKEY_keygen_init(*ctx) != 1 ||
        EVP_PKEY_CTX_set_rsa_keygen_bits(*ctx, static_cast<int>(num("modulusLength"))) != 1) {
      return false;
    }
    double exponent = num("publicExponent");
    if (exponent >= 0) {
      BIGNUM* e = BN_new();
      BN_set_word(e, static_cast<BN_ULONG>(exponent));
      bool ok = EVP_PKEY_CTX_set1_rsa_keygen_pubexp(*ctx, e) == 1;
      BN_free(e);
      if (!ok) return false;
    }
    if (type == "rsa-pss") {
      std::string md = str("hashAlgorithm"), mgf1 = str("mgf1HashAlgorithm");
      if (!md.empty() && EVP_PKEY_CTX_set_rsa_pss_keygen_md(*ctx, GetDigest(md)) != 1) {
        return false;
      }
      if (!mgf1.empty() &&
          EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md(*ctx, GetDigest(mgf1)) != 1) {
        return false;
      }
      double salt = num("saltLength");
      if (salt >= 0 &&
          EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(*ctx, static_cast<int>(salt)) != 1) {
        return false;
      }
    }
    return true;
  }
  if (type == "ec") {
    *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    return *ctx != nullptr && EVP_PKEY_keygen_init(*ctx) == 1 &&
           EVP_PKEY_CTX_set_ec_paramgen_curve_nid(*ctx, CurveNid(str("namedCurve"))) == 1 &&
           EVP_PKEY_CTX_set_ec_param_enc(*ctx, str("paramEncoding") == "explicit"
                                                   ? OPENSSL_EC_EXPLICIT_CURVE
                                                   : OPENSSL_EC_NAMED_CURVE) == 1;
  }
  if (type == "ed25519" || type == "ed448" || type == "x25519" || type == "x448") {
    *ctx = EVP_PKEY_CTX_new_from_name(nullptr, type.c_str(), nullptr);
    return *ctx != nullptr && EVP_PKEY_keygen_init(*ctx) == 1;
  }
  if (type == "dsa") {
    *paramgen = true;
    *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr);
    double divisor = num("divisorLength");
    return *ctx != nullptr && EVP_PKEY_paramgen_init(*ctx) == 1 &&
           EVP_PKEY_CTX_set_dsa_paramgen_bits(*ctx, static_cast<int>(num("modulusLength"))) == 1 &&
           (divisor < 0 ||
            EVP_PKEY_CTX_set_dsa_paramgen_q_bits(*ctx, static_cast<int>(divisor)) == 1);
  }
  if (type == "dh") {
    std::string group = str("group");
    double generator = num("generator");
    v8::Local<v8::Value> prime = Get(context, options, "prime");
    // Named groups are MODP primes with generator 2, as Node's getDiffieHellman has them.
    BIGNUM* group_prime = group.empty() ? nullptr : DhGroupPrime(group);
    if (!group.empty() && group_prime == nullptr) return false;
    if (group_prime != nullptr || (!prime.IsEmpty() && prime->IsArrayBufferView())) {
      DH* dh = DH_new();
      BIGNUM* p = group_prime != nullptr
                      ? group_prime
                      : BN_bin2bn(ViewOf(prime).data, static_cast<int>(ViewOf(prime).size),
                                  nullptr);
      BIGNUM* g = BN_new();
      BN_set_word(g, generator >= 0 ? static_cast<BN_ULONG>(generator) : 2);
      DH_set0_pqg(dh, p, nullptr, g);
      EVP_PKEY* params = EVP_PKEY_new();
      EVP_PKEY_assign_DH(params, dh);
      *ctx = EVP_PKEY_CTX_new(params, nullptr);
      EVP_PKEY_free(params);
      return *ctx != nullptr && EVP_PKEY_keygen_init(*ctx) == 1;
    }
    *paramgen = true;
    *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
    return *ctx != nullptr && EVP_PKEY_paramgen_init(*ctx) == 1 &&
           EVP_PKEY_CTX_set_dh_paramgen_prime_len(*ctx, static_cast<int>(num("primeLength"))) == 1 &&
           EVP_PKEY_CTX_set_dh_paramgen_generator(*ctx, generator >= 0 ? static_cast<int>(generator) : 2) == 1;
  }
  return false;
}

// generateKeyPair(type, options, callback?): [publicHandle, privateHandle].
void GenerateKeyPair(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string type = ToUtf8(isolate, args[0]);
  EVP_PKEY_CTX* ctx = nullptr;
  bool paramgen = false;
  if (!Configure(isolate, type, args[1].As<v8::Object>(), &ctx, &paramgen)) {
    EVP_PKEY_CTX_free(ctx);
    return ThrowOpenSsl(isolate, "Invalid key generation parameters");
  }
  CryptoJob::Dispatch(args, std::make_unique<KeyPairJob>(Realm::From(isolate), ctx, paramgen),
                      args[2]);
}

// curveNid(name): the curve's NID, or 0 when OpenSSL has no such curve.
void GetCurveNid(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(CurveNid(ToUtf8(args.GetIsolate(), args[0])));
}

}  // namespace

void InitializeKeygen(BindingTarget& target) {
  target.Method("generateKeyPair", GenerateKeyPair);
  target.Method("curveNid", GetCurveNid);
}

}  // namespace skua::crypto
