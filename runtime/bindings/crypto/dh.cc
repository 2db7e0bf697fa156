// Key agreement: the ECDH class (createECDH, ECDH.convertKey) on EC_KEY, and the
// stateless diffieHellman({ privateKey, publicKey }) on EVP_PKEY_derive.
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/ecdh.h>
#include <openssl/err.h>

#include "base/check.h"
#include "runtime/bindings/crypto/key_object.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

Bytes PointToBytes(const EC_GROUP* group, const EC_POINT* point, point_conversion_form_t form) {
  size_t len = EC_POINT_point2oct(group, point, form, nullptr, 0, nullptr);
  Bytes out(len);
  if (len > 0) EC_POINT_point2oct(group, point, form, out.data(), len, nullptr);
  return out;
}

EC_POINT* BytesToPoint(const EC_GROUP* group, View data) {
  EC_POINT* point = EC_POINT_new(group);
  if (EC_POINT_oct2point(group, point, data.data, data.size, nullptr) != 1) {
    EC_POINT_free(point);
    ERR_clear_error();
    return nullptr;
  }
  return point;
}

class Ecdh : public BaseObject {
 public:
  Ecdh(Realm* realm, v8::Local<v8::Object> object, EC_KEY* key)
      : BaseObject(realm, object), key_(key), group_(EC_KEY_get0_group(key)) {}
  ~Ecdh() override { EC_KEY_free(key_); }

  // new ECDH(curveNid): stdlib checked the curve.
  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    EC_KEY* key = EC_KEY_new_by_curve_name(args[0].As<v8::Int32>()->Value());
    CHECK(key != nullptr);
    new Ecdh(Realm::From(args.GetIsolate()), args.This(), key);
  }

  static Ecdh* This(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Ecdh* self = Unwrap<Ecdh>(args.This());
    CHECK(self != nullptr);
    return self;
  }

  static void GenerateKeys(const v8::FunctionCallbackInfo<v8::Value>& args) {
    if (EC_KEY_generate_key(This(args)->key_) != 1) {
      return ThrowOpenSsl(args.GetIsolate(), "Failed to generate key");
    }
  }

  // getPublicKey(form): ArrayBuffer, or undefined before a key exists.
  static void GetPublicKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Ecdh* self = This(args);
    const EC_POINT* pub = EC_KEY_get0_public_key(self->key_);
    if (pub == nullptr) return;
    auto form = static_cast<point_conversion_form_t>(args[0].As<v8::Int32>()->Value());
    args.GetReturnValue().Set(
        AdoptArrayBuffer(args.GetIsolate(), PointToBytes(self->group_, pub, form)));
  }

  static void GetPrivateKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
    const BIGNUM* priv = EC_KEY_get0_private_key(This(args)->key_);
    if (priv == nullptr) return;
    Bytes out(BN_num_bytes(priv));
    BN_bn2bin(priv, out.data());
    args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), std::move(out)));
  }

  // setPrivateKey(bytes): false when the key is not valid for the curve.
  static void SetPrivateKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Ecdh* self = This(args);
    View data = ViewOf(args[0]);
    BIGNUM* priv = BN_bin2bn(data.data, static_cast<int>(data.size), nullptr);
    const BIGNUM* order = EC_GROUP_get0_order(self->group_);
    bool ok = !BN_is_zero(priv) && BN_cmp(priv, order) < 0;
    EC_POINT* pub = EC_POINT_new(self->group_);
    ok = ok && EC_POINT_mul(self->group_, pub, priv, nullptr, nullptr, nullptr) == 1;
    EC_KEY* key = EC_KEY_new_by_curve_name(EC_GROUP_get_curve_name(self->group_));
    ok = ok && EC_KEY_set_private_key(key, priv) == 1 && EC_KEY_set_public_key(key, pub) == 1;
    BN_clear_free(priv);
    EC_POINT_free(pub);
    ERR_clear_error();
    if (!ok) {
      EC_KEY_free(key);
      return args.GetReturnValue().Set(false);
    }
    EC_KEY_free(self->key_);
    self->key_ = key;
    // The group belonged to the freed key.
    self->group_ = EC_KEY_get0_group(key);
    args.GetReturnValue().Set(true);
  }

  static void SetPublicKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Ecdh* self = This(args);
    EC_POINT* pub = BytesToPoint(self->group_, ViewOf(args[0]));
    bool ok = pub != nullptr && EC_KEY_set_public_key(self->key_, pub) == 1;
    EC_POINT_free(pub);
    ERR_clear_error();
    args.GetReturnValue().Set(ok);
  }

  // computeSecret(peerPublicKey): ArrayBuffer, or undefined for a point not on the curve.
  static void ComputeSecret(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Ecdh* self = This(args);
    EC_POINT* peer = BytesToPoint(self->group_, ViewOf(args[0]));
    if (peer == nullptr) return;
    Bytes out((EC_GROUP_get_degree(self->group_) + 7) / 8);
    int len = ECDH_compute_key(out.data(), out.size(), peer, self->key_, nullptr);
    EC_POINT_free(peer);
    if (len <= 0) return ThrowOpenSsl(args.GetIsolate(), "Failed to compute ECDH key");
    out.resize(len);
    args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), std::move(out)));
  }

 private:
  EC_KEY* key_;
  const EC_GROUP* group_;
};

// convertKey(key, curveNid, form): ArrayBuffer, or undefined for an invalid point.
void ConvertKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  EC_GROUP* group = EC_GROUP_new_by_curve_name(args[1].As<v8::Int32>()->Value());
  CHECK(group != nullptr);
  EC_POINT* point = BytesToPoint(group, ViewOf(args[0]));
  if (point != nullptr) {
    auto form = static_cast<point_conversion_form_t>(args[2].As<v8::Int32>()->Value());
    args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), PointToBytes(group, point, form)));
  }
  EC_POINT_free(point);
  EC_GROUP_free(group);
}

// deriveSecret(privateHandle, publicHandle): ArrayBuffer (DH, ECDH, X25519, X448).
void DeriveSecret(const v8::FunctionCallbackInfo<v8::Value>& args) {
  KeyObjectHandle* priv = KeyObjectHandle::From(args[0]);
  KeyObjectHandle* pub = KeyObjectHandle::From(args[1]);
  CHECK(priv != nullptr && pub != nullptr);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(priv->pkey(), nullptr);
  size_t len = 0;
  // Finite-field DH secrets keep their leading zeros (the prime's size), as in Node.
  bool is_dh = EVP_PKEY_is_a(priv->pkey(), "DH") || EVP_PKEY_is_a(priv->pkey(), "DHX");
  bool ok = ctx != nullptr && EVP_PKEY_derive_init(ctx) == 1 &&
            (!is_dh || EVP_PKEY_CTX_set_dh_pad(ctx, 1) == 1) &&
            EVP_PKEY_derive_set_peer(ctx, pub->pkey()) == 1 &&
            EVP_PKEY_derive(ctx, nullptr, &len) == 1;
  Bytes out(len);
  ok = ok && EVP_PKEY_derive(ctx, out.data(), &len) == 1;
  EVP_PKEY_CTX_free(ctx);
  if (!ok) return ThrowOpenSsl(args.GetIsolate(), "Failed to derive secret");
  out.resize(len);
  args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), std::move(out)));
}

}  // namespace

void InitializeDh(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = NewClass(target, "ECDH", Ecdh::New);
  SetProto(isolate, templ, "generateKeys", Ecdh::GenerateKeys);
  SetProto(isolate, templ, "getPublicKey", Ecdh::GetPublicKey);
  SetProto(isolate, templ, "getPrivateKey", Ecdh::GetPrivateKey);
  SetProto(isolate, templ, "setPrivateKey", Ecdh::SetPrivateKey);
  SetProto(isolate, templ, "setPublicKey", Ecdh::SetPublicKey);
  SetProto(isolate, templ, "computeSecret", Ecdh::ComputeSecret);
  ExposeClass(target, "ECDH", templ);
  target.Method("ecdhConvertKey", ConvertKey);
  target.Method("deriveSecret", DeriveSecret);
}

}  // namespace skua::crypto
