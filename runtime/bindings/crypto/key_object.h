// KeyObjectHandle: the native side of a KeyObject — secret bytes or an EVP_PKEY that is a
// public or private key. sign.cc, keygen.cc and dh.cc consume and create these.
//
// Rules: owned by its JS object (weak BaseObject); the EVP_PKEY is reference counted, so
// a job that uses it off the loop thread takes its own reference (EVP_PKEY_up_ref).
#ifndef SKUA_RUNTIME_BINDINGS_CRYPTO_KEY_OBJECT_H_
#define SKUA_RUNTIME_BINDINGS_CRYPTO_KEY_OBJECT_H_

#include <openssl/evp.h>

#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/base_object.h"

namespace skua::crypto {

class KeyObjectHandle : public BaseObject {
 public:
  enum class Kind { kSecret = 0, kPublic = 1, kPrivate = 2 };

  KeyObjectHandle(Realm* realm, v8::Local<v8::Object> object) : BaseObject(realm, object) {}
  ~KeyObjectHandle() override { EVP_PKEY_free(pkey_); }

  Kind kind() const { return kind_; }
  EVP_PKEY* pkey() const { return pkey_; }
  const Bytes& secret() const { return secret_; }

  // Takes ownership of `pkey`.
  void SetKey(EVP_PKEY* pkey, Kind kind) {
    EVP_PKEY_free(pkey_);
    pkey_ = pkey;
    kind_ = kind;
  }
  void SetSecret(Bytes secret) {
    secret_ = std::move(secret);
    kind_ = Kind::kSecret;
  }

  // A new JS KeyObjectHandle owning `pkey`; empty if construction threw.
  static v8::MaybeLocal<v8::Object> Create(Realm* realm, EVP_PKEY* pkey, Kind kind);
  // The handle behind a JS value (nullptr when it is none).
  static KeyObjectHandle* From(v8::Local<v8::Value> value) {
    return Unwrap<KeyObjectHandle>(value);
  }

 private:
  Kind kind_ = Kind::kSecret;
  EVP_PKEY* pkey_ = nullptr;
  Bytes secret_;
};

// "rsa", "rsa-pss", "ec", "ed25519", ... as KeyObject.asymmetricKeyType reports.
const char* AsymmetricKeyType(const EVP_PKEY* pkey);

}  // namespace skua::crypto

#endif  // SKUA_RUNTIME_BINDINGS_CRYPTO_KEY_OBJECT_H_
