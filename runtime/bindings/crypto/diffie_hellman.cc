// Classic finite-field Diffie-Hellman: the DiffieHellman class behind createDiffieHellman,
// getDiffieHellman and DiffieHellmanGroup, on OpenSSL's DH (deprecated in OpenSSL 3 but the
// direct model of Node's API: a mutable key pair on fixed parameters).
//
// Rules: a DiffieHellmanHandle owns its DH; it is used only on the loop thread (Node's
// classic DH API is synchronous).
#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/err.h>

#include <cstring>
#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

Bytes BignumBytes(const BIGNUM* bn) {
  Bytes out(BN_num_bytes(bn));
  BN_bn2bin(bn, out.data());
  return out;
}

BIGNUM* BytesBignum(View view) {
  return BN_bin2bn(view.data, static_cast<int>(view.size), nullptr);
}

class DiffieHellmanHandle : public BaseObject {
 public:
  DiffieHellmanHandle(Realm* realm, v8::Local<v8::Object> object)
      : BaseObject(realm, object), dh_(DH_new()) {
    CHECK(dh_ != nullptr);
  }
  ~DiffieHellmanHandle() override { DH_free(dh_); }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    new DiffieHellmanHandle(Realm::From(args.GetIsolate()), args.This());
  }

  static DiffieHellmanHandle* This(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* self = Unwrap<DiffieHellmanHandle>(args.This());
    CHECK(self != nullptr);
    return self;
  }

  // initPrimeLength(bits, generator): generates fresh parameters; throws OpenSSL's error.
  static void InitPrimeLength(const v8::FunctionCallbackInfo<v8::Value>& args) {
    DiffieHellmanHandle* self = This(args);
    int bits = args[0].As<v8::Int32>()->Value();
    int generator = args[1].As<v8::Int32>()->Value();
    if (DH_generate_parameters_ex(self->dh_, bits, generator, nullptr) != 1) {
      return ThrowOpenSsl(args.GetIsolate(), "Failed to generate DH parameters");
    }
  }

  // initPrime(prime, generator): `generator` is an int32 or bytes. Throws OpenSSL-style
  // errors for a generator below 2, as Node does.
  static void InitPrime(const v8::FunctionCallbackInfo<v8::Value>& args) {
    DiffieHellmanHandle* self = This(args);
    v8::Isolate* isolate = args.GetIsolate();
    BIGNUM* p = BytesBignum(ViewOf(args[0]));
    BIGNUM* g = nullptr;
    if (args[1]->IsInt32()) {
      int value = args[1].As<v8::Int32>()->Value();
      if (value >= 2) {
        g = BN_new();
        BN_set_word(g, value);
      }
    } else {
      g = BytesBignum(ViewOf(args[1]));
      if (BN_is_zero(g) || BN_is_one(g)) {
        BN_free(g);
        g = nullptr;
      }
    }
    if (g == nullptr) {
      BN_free(p);
      ERR_put_error(ERR_LIB_DH, 0, DH_R_BAD_GENERATOR, __FILE__, __LINE__);
      return ThrowOpenSsl(isolate, "bad generator");
    }
    if (DH_set0_pqg(self->dh_, p, nullptr, g) != 1) {
      BN_free(p);
      BN_free(g);
      return ThrowOpenSsl(isolate, "Failed to set DH parameters");
    }
  }

  // initGroup(name): false for an unknown group.
  static void InitGroup(const v8::FunctionCallbackInfo<v8::Value>& args) {
    DiffieHellmanHandle* self = This(args);
    v8::String::Utf8Value name(args.GetIsolate(), args[0]);
    BIGNUM* p = DhGroupPrime(*name ? *name : "");
    if (p == nullptr) return args.GetReturnValue().Set(false);
    BIGNUM* g = BN_new();
    BN_set_word(g, 2);
    CHECK_EQ(DH_set0_pqg(self->dh_, p, nullptr, g), 1);
    args.GetReturnValue().Set(true);
  }

  // verifyError(): DH_check's flags (computed on demand: primality tests are slow).
  static void VerifyError(const v8::FunctionCallbackInfo<v8::Value>& args) {
    int codes = 0;
    if (DH_check(This(args)->dh_, &codes) != 1) {
      ERR_clear_error();
      codes = 0;
    }
    args.GetReturnValue().Set(codes);
  }

  // generateKeys(): the public key. Keeps an existing private key, as OpenSSL does.
  static void GenerateKeys(const v8::FunctionCallbackInfo<v8::Value>& args) {
    DiffieHellmanHandle* self = This(args);
    if (DH_generate_key(self->dh_) != 1) {
      return ThrowOpenSsl(args.GetIsolate(), "Key generation failed");
    }
    const BIGNUM* pub = DH_get0_pub_key(self->dh_);
    args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), BignumBytes(pub)));
  }

  // getField(0 prime, 1 generator, 2 public, 3 private): bytes or undefined when unset.
  static void GetField(const v8::FunctionCallbackInfo<v8::Value>& args) {
    DiffieHellmanHandle* self = This(args);
    const BIGNUM* bn = nullptr;
    switch (args[0].As<v8::Int32>()->Value()) {
      case 0: bn = DH_get0_p(self->dh_); break;
      case 1: bn = DH_get0_g(self->dh_); break;
      case 2: bn = DH_get0_pub_key(self->dh_); break;
      case 3: bn = DH_get0_priv_key(self->dh_); break;
      default: UNREACHABLE();
    }
    if (bn == nullptr) return;
    args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), BignumBytes(bn)));
  }

  // setKey(isPrivate, bytes).
  static void SetKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
    DiffieHellmanHandle* self = This(args);
    BIGNUM* bn = BytesBignum(ViewOf(args[1]));
    int ok = args[0]->IsTrue() ? DH_set0_key(self->dh_, nullptr, bn)
                               : DH_set0_key(self->dh_, bn, nullptr);
    if (ok != 1) {
      BN_free(bn);
      return ThrowOpenSsl(args.GetIsolate(), "Failed to set key");
    }
  }

  // computeSecret(peerPublicKey): the secret, left-padded with zeros to the prime's size;
  // or 1 when the peer key is too small, 2 when too large.
  static void ComputeSecret(const v8::FunctionCallbackInfo<v8::Value>& args) {
    DiffieHellmanHandle* self = This(args);
    v8::Isolate* isolate = args.GetIsolate();
    BIGNUM* peer = BytesBignum(ViewOf(args[0]));
    int codes = 0;
    if (DH_check_pub_key(self->dh_, peer, &codes) == 1 && codes != 0) {
      BN_free(peer);
      if (codes & DH_CHECK_PUBKEY_TOO_SMALL) return args.GetReturnValue().Set(1);
      if (codes & DH_CHECK_PUBKEY_TOO_LARGE) return args.GetReturnValue().Set(2);
      return args.GetReturnValue().Set(3);
    }
    ERR_clear_error();
    int size = DH_size(self->dh_);
    Bytes out(size);
    int len = DH_compute_key(out.data(), peer, self->dh_);
    BN_free(peer);
    if (len < 0) return ThrowOpenSsl(isolate, "Failed to compute DH secret");
    if (len < size) {
      memmove(out.data() + (size - len), out.data(), len);
      memset(out.data(), 0, size - len);
    }
    args.GetReturnValue().Set(AdoptArrayBuffer(isolate, std::move(out)));
  }

 private:
  DH* dh_;
};

}  // namespace

BIGNUM* DhGroupPrime(const std::string& name) {
  if (name == "modp1") return BN_get_rfc2409_prime_768(nullptr);
  if (name == "modp2") return BN_get_rfc2409_prime_1024(nullptr);
  if (name == "modp5") return BN_get_rfc3526_prime_1536(nullptr);
  if (name == "modp14") return BN_get_rfc3526_prime_2048(nullptr);
  if (name == "modp15") return BN_get_rfc3526_prime_3072(nullptr);
  if (name == "modp16") return BN_get_rfc3526_prime_4096(nullptr);
  if (name == "modp17") return BN_get_rfc3526_prime_6144(nullptr);
  if (name == "modp18") return BN_get_rfc3526_prime_8192(nullptr);
  return nullptr;
}

void InitializeDiffieHellman(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ =
      NewClass(target, "DiffieHellmanHandle", DiffieHellmanHandle::New);
  SetProto(isolate, templ, "initPrimeLength", DiffieHellmanHandle::InitPrimeLength);
  SetProto(isolate, templ, "initPrime", DiffieHellmanHandle::InitPrime);
  SetProto(isolate, templ, "initGroup", DiffieHellmanHandle::InitGroup);
  SetProto(isolate, templ, "verifyError", DiffieHellmanHandle::VerifyError);
  SetProto(isolate, templ, "generateKeys", DiffieHellmanHandle::GenerateKeys);
  SetProto(isolate, templ, "getField", DiffieHellmanHandle::GetField);
  SetProto(isolate, templ, "setKey", DiffieHellmanHandle::SetKey);
  SetProto(isolate, templ, "computeSecret", DiffieHellmanHandle::ComputeSecret);
  ExposeClass(target, "DiffieHellmanHandle", templ);
}

}  // namespace skua::crypto
