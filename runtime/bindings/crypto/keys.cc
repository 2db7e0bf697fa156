// KeyObjectHandle (see key_object.h): parsing keys from PEM, DER and JWK, exporting them
// again, and the details KeyObject reports (type, sizes, curve, equality).
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/key_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

using Kind = KeyObjectHandle::Kind;

class KeyState : public BindingState {
 public:
  explicit KeyState(Realm*) {}
  v8::Global<v8::Function> constructor;
};

// Decodes a key with OpenSSL's decoders. `need_passphrase` is set when the key is
// encrypted and no passphrase was given.
EVP_PKEY* Decode(View data, const char* input, int selection, const Bytes* passphrase,
                 bool* need_passphrase) {
  EVP_PKEY* pkey = nullptr;
  OSSL_DECODER_CTX* ctx = OSSL_DECODER_CTX_new_for_pkey(&pkey, input, nullptr, nullptr,
                                                        selection, nullptr, nullptr);
  if (ctx == nullptr) return nullptr;
  if (passphrase != nullptr) {
    static const unsigned char kEmpty = 0;  // OpenSSL rejects a null pointer.
    OSSL_DECODER_CTX_set_passphrase(ctx, passphrase->empty() ? &kEmpty : passphrase->data(),
                                    passphrase->size());
  } else {
    OSSL_DECODER_CTX_set_pem_password_cb(
        ctx,
        [](char*, int, int, void* flag) -> int {
          *static_cast<bool*>(flag) = true;
          return -1;
        },
        need_passphrase);
  }
  static const unsigned char kNoData = 0;  // OpenSSL rejects a null pointer, even empty.
  const unsigned char* p = data.size > 0 ? data.data : &kNoData;
  size_t len = data.size;
  if (OSSL_DECODER_from_data(ctx, &p, &len) != 1) {
    EVP_PKEY_free(pkey);
    pkey = nullptr;
  }
  OSSL_DECODER_CTX_free(ctx);
  return pkey;
}

// The public key of a PEM certificate, or nullptr.
EVP_PKEY* PublicKeyOfCertificate(View data) {
  BIO* bio = BIO_new_mem_buf(data.data, static_cast<int>(data.size));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (cert == nullptr) return nullptr;
  EVP_PKEY* pkey = X509_get_pubkey(cert);
  X509_free(cert);
  return pkey;
}

KeyObjectHandle* This(const v8::FunctionCallbackInfo<v8::Value>& args) {
  KeyObjectHandle* handle = KeyObjectHandle::From(args.This());
  CHECK(handle != nullptr);
  return handle;
}

void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
  new KeyObjectHandle(Realm::From(args.GetIsolate()), args.This());
}

// initSecret(bytes).
void InitSecret(const v8::FunctionCallbackInfo<v8::Value>& args) {
  This(args)->SetSecret(CopyOf(args[0]));
}

// parse(kind: 1 public | 2 private, data, format 'pem' | 'der', passphrase?): 0, or 1 when
// a passphrase is needed; throws OpenSSL's error for data it cannot decode. A public key
// may come from a certificate or a private key.
void Parse(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Kind kind = static_cast<Kind>(args[0].As<v8::Int32>()->Value());
  View data = ViewOf(args[1]);
  std::string format = ToUtf8(isolate, args[2]);
  const char* input = format == "pem" ? "PEM" : "DER";
  Bytes passphrase;
  bool has_passphrase = !args[3]->IsNullOrUndefined();
  if (has_passphrase) passphrase = CopyOf(args[3]);
  bool need_passphrase = false;
  EVP_PKEY* pkey = nullptr;
  ERR_clear_error();
  if (kind == Kind::kPublic) {
    pkey = Decode(data, input, EVP_PKEY_PUBLIC_KEY, nullptr, &need_passphrase);
    if (pkey == nullptr && format == "pem") pkey = PublicKeyOfCertificate(data);
  }
  if (pkey == nullptr) {
    ERR_clear_error();
    // Only this attempt decides whether a passphrase was missing (the public-key attempt
    // above never has one).
    need_passphrase = false;
    pkey = Decode(data, input, EVP_PKEY_KEYPAIR, has_passphrase ? &passphrase : nullptr,
                  &need_passphrase);
  }
  if (pkey == nullptr) {
    if (need_passphrase) {
      ERR_clear_error();
      // Node 20 on OpenSSL 3 reports OpenSSL's own error for an encrypted PEM key, and
      // ERR_MISSING_PASSPHRASE for encrypted DER.
      if (format == "pem") {
        ERR_raise(ERR_LIB_CRYPTO, ERR_R_INTERRUPTED_OR_CANCELLED);
        return ThrowOpenSsl(isolate, "Failed to read private key");
      }
      return args.GetReturnValue().Set(1);
    }
    return ThrowOpenSsl(isolate, kind == Kind::kPublic ? "Failed to read public key"
                                                       : "Failed to read private key");
  }
  This(args)->SetKey(pkey, kind);
  args.GetReturnValue().Set(0);
}

BIGNUM* BnFrom(v8::Local<v8::Value> value) {
  View v = ViewOf(value);
  return BN_bin2bn(v.data, static_cast<int>(v.size), nullptr);
}

bool Has(v8::Local<v8::Context> context, v8::Local<v8::Object> obj, const char* key,
         v8::Local<v8::Value>* out) {
  return obj->Get(context, OneByteString(context->GetIsolate(), key)).ToLocal(out) &&
         (*out)->IsArrayBufferView();
}

// An EVP_PKEY of `type` from parameters; nullptr when OpenSSL rejects them.
EVP_PKEY* FromParams(const char* type, int selection, OSSL_PARAM_BLD* bld) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* pkey = nullptr;
  if (params == nullptr || ctx == nullptr || EVP_PKEY_fromdata_init(ctx) != 1 ||
      EVP_PKEY_fromdata(ctx, &pkey, selection, params) != 1) {
    pkey = nullptr;
  }
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  return pkey;
}

// initJwk(kind, kty, fields): 0, 1 for invalid JWK data, 2 for an unsupported curve.
// `fields` holds the JWK members already base64url-decoded into Buffers (crv a string).
void InitJwk(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  Kind kind = static_cast<Kind>(args[0].As<v8::Int32>()->Value());
  std::string kty = ToUtf8(isolate, args[1]);
  v8::Local<v8::Object> jwk = args[2].As<v8::Object>();
  bool is_private = kind == Kind::kPrivate;
  int selection = is_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
  EVP_PKEY* pkey = nullptr;
  v8::Local<v8::Value> v;
  std::vector<BIGNUM*> bns;
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  auto push_bn = [&](const char* member, const char* param) {
    if (!Has(context, jwk, member, &v)) return false;
    bns.push_back(BnFrom(v));
    return OSSL_PARAM_BLD_push_BN(bld, param, bns.back()) == 1;
  };
  int status = 1;
  if (kty == "RSA") {
    bool ok = push_bn("n", OSSL_PKEY_PARAM_RSA_N) && push_bn("e", OSSL_PKEY_PARAM_RSA_E);
    if (ok && is_private) {
      ok = push_bn("d", OSSL_PKEY_PARAM_RSA_D) && push_bn("p", OSSL_PKEY_PARAM_RSA_FACTOR1) &&
           push_bn("q", OSSL_PKEY_PARAM_RSA_FACTOR2) &&
           push_bn("dp", OSSL_PKEY_PARAM_RSA_EXPONENT1) &&
           push_bn("dq", OSSL_PKEY_PARAM_RSA_EXPONENT2) &&
           push_bn("qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1);
    }
    if (ok) pkey = FromParams("RSA", selection, bld);
  } else if (kty == "EC") {
    std::string crv = ToUtf8(isolate, jwk->Get(context, OneByteString(isolate, "crv"))
                                          .FromMaybe(v8::Local<v8::Value>()));
    const char* group = crv == "P-256" ? "prime256v1" : crv == "P-384" ? "secp384r1"
                      : crv == "P-521" ? "secp521r1" : crv == "secp256k1" ? "secp256k1"
                      : nullptr;
    v8::Local<v8::Value> x, y;
    if (group == nullptr) {
      status = 2;
    } else if (Has(context, jwk, "x", &x) && Has(context, jwk, "y", &y)) {
      View vx = ViewOf(x), vy = ViewOf(y);
      Bytes point{4};
      point.insert(point.end(), vx.data, vx.data + vx.size);
      point.insert(point.end(), vy.data, vy.data + vy.size);
      bool ok = OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0) &&
                OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                                 point.size());
      if (ok && is_private) ok = push_bn("d", OSSL_PKEY_PARAM_PRIV_KEY);
      if (ok) pkey = FromParams("EC", selection, bld);
    }
  } else if (kty == "OKP") {
    std::string crv = ToUtf8(isolate, jwk->Get(context, OneByteString(isolate, "crv"))
                                          .FromMaybe(v8::Local<v8::Value>()));
    if (crv != "Ed25519" && crv != "Ed448" && crv != "X25519" && crv != "X448") {
      status = 2;
    } else if (Has(context, jwk, is_private ? "d" : "x", &v)) {
      View raw = ViewOf(v);
      pkey = is_private
          ? EVP_PKEY_new_raw_private_key_ex(nullptr, crv.c_str(), nullptr, raw.data, raw.size)
          : EVP_PKEY_new_raw_public_key_ex(nullptr, crv.c_str(), nullptr, raw.data, raw.size);
      // A private JWK's x must match its d.
      v8::Local<v8::Value> x;
      if (pkey != nullptr && is_private && Has(context, jwk, "x", &x)) {
        View vx = ViewOf(x);
        Bytes pub(vx.size);
        size_t len = pub.size();
        if (EVP_PKEY_get_raw_public_key(pkey, pub.data(), &len) != 1 || len != vx.size ||
            memcmp(pub.data(), vx.data, len) != 0) {
          EVP_PKEY_free(pkey);
          pkey = nullptr;
        }
      }
    }
  }
  for (BIGNUM* bn : bns) BN_clear_free(bn);
  OSSL_PARAM_BLD_free(bld);
  ERR_clear_error();
  if (pkey == nullptr) return args.GetReturnValue().Set(status);
  This(args)->SetKey(pkey, kind);
  args.GetReturnValue().Set(0);
}

const char* Structure(const std::string& type) {
  if (type == "spki") return "SubjectPublicKeyInfo";
  if (type == "pkcs8") return "PrivateKeyInfo";
  return "type-specific";  // pkcs1, sec1.
}

// export(format, type, cipher?, passphrase?): a PEM string or DER ArrayBuffer; a secret
// key's bytes when called with no arguments.
void Export(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  KeyObjectHandle* handle = This(args);
  if (handle->kind() == Kind::kSecret) {
    return args.GetReturnValue().Set(NewArrayBuffer(isolate, handle->secret()));
  }
  std::string format = ToUtf8(isolate, args[0]);
  std::string type = ToUtf8(isolate, args[1]);
  bool is_private = handle->kind() == Kind::kPrivate && type != "spki" &&
                    !(type == "pkcs1" && args[4]->IsTrue());
  int selection = is_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
  // Encrypted traditional PEM (pkcs1, sec1) goes through the PEM writer: OpenSSL's encoder
  // refuses an empty passphrase there, which Node accepts.
  if (is_private && format == "pem" && (type == "pkcs1" || type == "sec1") &&
      args[2]->IsString()) {
    const EVP_CIPHER* cipher = GetCipher(ToUtf8(isolate, args[2]));
    View pass = ViewOf(args[3]);
    static const unsigned char kNoPass = 0;
    BIO* bio = BIO_new(BIO_s_mem());
    bool ok = cipher != nullptr &&
              PEM_write_bio_PrivateKey_traditional(
                  bio, handle->pkey(), cipher,
                  pass.size > 0 ? pass.data : const_cast<unsigned char*>(&kNoPass),
                  static_cast<int>(pass.size), nullptr, nullptr) == 1;
    char* text = nullptr;
    long len = ok ? BIO_get_mem_data(bio, &text) : 0;
    v8::Local<v8::String> pem;
    if (ok && Utf8String(isolate, std::string_view(text, len)).ToLocal(&pem)) {
      args.GetReturnValue().Set(pem);
    }
    BIO_free(bio);
    if (!ok) ThrowOpenSsl(isolate, "Failed to encode key");
    return;
  }
  OSSL_ENCODER_CTX* ctx = OSSL_ENCODER_CTX_new_for_pkey(
      handle->pkey(), selection, format == "pem" ? "PEM" : "DER", Structure(type), nullptr);
  bool ok = ctx != nullptr && OSSL_ENCODER_CTX_get_num_encoders(ctx) > 0;
  if (ok && args[2]->IsString()) {
    std::string cipher = ToUtf8(isolate, args[2]);
    View pass = ViewOf(args[3]);
    // OpenSSL rejects a null pointer even for an empty passphrase.
    static const unsigned char kEmpty = 0;
    ok = OSSL_ENCODER_CTX_set_cipher(ctx, cipher.c_str(), nullptr) == 1 &&
         OSSL_ENCODER_CTX_set_passphrase(ctx, pass.size > 0 ? pass.data : &kEmpty,
                                         pass.size) == 1;
  }
  unsigned char* out = nullptr;
  size_t len = 0;
  ok = ok && OSSL_ENCODER_to_data(ctx, &out, &len) == 1;
  OSSL_ENCODER_CTX_free(ctx);
  if (!ok) return ThrowOpenSsl(isolate, "Failed to encode key");
  if (format == "pem") {
    v8::Local<v8::String> pem;
    if (Utf8String(isolate, std::string_view(reinterpret_cast<char*>(out), len)).ToLocal(&pem)) {
      args.GetReturnValue().Set(pem);
    }
  } else {
    args.GetReturnValue().Set(NewArrayBuffer(isolate, out, len));
  }
  OPENSSL_free(out);
}

void SetBn(v8::Isolate* isolate, v8::Local<v8::Object> obj, const EVP_PKEY* pkey,
           const char* param, const char* key, int pad = 0) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, param, &bn) != 1) return;
  Bytes bytes(std::max(BN_num_bytes(bn), pad));
  BN_bn2binpad(bn, bytes.data(), static_cast<int>(bytes.size()));
  BN_clear_free(bn);
  SetValue(isolate->GetCurrentContext(), obj, key, AdoptArrayBuffer(isolate, std::move(bytes)));
}

// exportJwk(): { kty, crv?, n/e/d/..., x/y/d } with ArrayBuffers for the numbers, or
// undefined for key types JWK cannot express.
void ExportJwk(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  KeyObjectHandle* handle = This(args);
  EVP_PKEY* pkey = handle->pkey();
  bool priv = handle->kind() == Kind::kPrivate;
  v8::Local<v8::Object> jwk = v8::Object::New(isolate);
  auto str = [&](const char* key, const char* value) {
    SetValue(context, jwk, key, OneByteString(isolate, value));
  };
  if (EVP_PKEY_is_a(pkey, "RSA")) {
    str("kty", "RSA");
    SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_N, "n");
    SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_E, "e");
    if (priv) {
      SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_D, "d");
      SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_FACTOR1, "p");
      SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_FACTOR2, "q");
      SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1, "dp");
      SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2, "dq");
      SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, "qi");
    }
  } else if (EVP_PKEY_is_a(pkey, "EC")) {
    char group[64];
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                       &len) != 1) {
      return;
    }
    std::string g(group, len);
    const char* crv = g == "prime256v1" ? "P-256" : g == "secp384r1" ? "P-384"
                    : g == "secp521r1" ? "P-521" : g == "secp256k1" ? "secp256k1" : nullptr;
    if (crv == nullptr) {
      str("kty", "EC");
      str("unsupportedCurve", group);
      return args.GetReturnValue().Set(jwk);
    }
    int size = (EVP_PKEY_get_bits(pkey) + 7) / 8;
    str("kty", "EC");
    str("crv", crv);
    SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_EC_PUB_X, "x", size);
    SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_EC_PUB_Y, "y", size);
    if (priv) SetBn(isolate, jwk, pkey, OSSL_PKEY_PARAM_PRIV_KEY, "d", size);
  } else if (const char* crv = EVP_PKEY_is_a(pkey, "ED25519") ? "Ed25519"
                             : EVP_PKEY_is_a(pkey, "ED448")   ? "Ed448"
                             : EVP_PKEY_is_a(pkey, "X25519")  ? "X25519"
                             : EVP_PKEY_is_a(pkey, "X448")    ? "X448" : nullptr) {
    str("kty", "OKP");
    str("crv", crv);
    size_t len = 0;
    EVP_PKEY_get_raw_public_key(pkey, nullptr, &len);
    Bytes pub(len);
    EVP_PKEY_get_raw_public_key(pkey, pub.data(), &len);
    SetValue(context, jwk, "x", AdoptArrayBuffer(isolate, std::move(pub)));
    if (priv) {
      EVP_PKEY_get_raw_private_key(pkey, nullptr, &len);
      Bytes d(len);
      EVP_PKEY_get_raw_private_key(pkey, d.data(), &len);
      SetValue(context, jwk, "d", AdoptArrayBuffer(isolate, std::move(d)));
    }
  } else {
    return;
  }
  args.GetReturnValue().Set(jwk);
}

void GetAsymmetricKeyType(const v8::FunctionCallbackInfo<v8::Value>& args) {
  KeyObjectHandle* handle = This(args);
  if (handle->kind() == Kind::kSecret) return;
  if (const char* type = AsymmetricKeyType(handle->pkey())) {
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), type));
  }
}

// keyDetail(target): fills modulusLength/publicExponent, namedCurve, divisorLength...
void KeyDetail(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  EVP_PKEY* pkey = This(args)->pkey();
  v8::Local<v8::Object> target = args[0].As<v8::Object>();
  if (EVP_PKEY_is_a(pkey, "RSA") || EVP_PKEY_is_a(pkey, "RSA-PSS")) {
    SetValue(context, target, "modulusLength", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    BIGNUM* e = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
      SetValue(context, target, "publicExponent",
               v8::BigInt::NewFromUnsigned(isolate, BN_get_word(e)));
      BN_free(e);
    }
    // The RSASSA-PSS-params of a restricted key, with RFC 4055's defaults (SHA-1, MGF1
    // with SHA-1, salt 20) for absent fields, as Node reports them.
    const RSA* rsa = EVP_PKEY_is_a(pkey, "RSA-PSS") ? EVP_PKEY_get0_RSA(pkey) : nullptr;
    const RSA_PSS_PARAMS* pss = rsa != nullptr ? RSA_get0_pss_params(rsa) : nullptr;
    if (pss != nullptr) {
      auto algorithm_name = [](const X509_ALGOR* algor) {
        return algor != nullptr ? OBJ_nid2ln(OBJ_obj2nid(algor->algorithm)) : "sha1";
      };
      SetValue(context, target, "hashAlgorithm",
               OneByteString(isolate, algorithm_name(pss->hashAlgorithm)));
      SetValue(context, target, "mgf1HashAlgorithm",
               OneByteString(isolate, algorithm_name(pss->maskHash)));
      long salt = pss->saltLength != nullptr ? ASN1_INTEGER_get(pss->saltLength) : 20;
      SetValue(context, target, "saltLength", v8::Integer::New(isolate, static_cast<int>(salt)));
    }
  } else if (EVP_PKEY_is_a(pkey, "EC")) {
    char group[64];
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                       &len) == 1) {
      SetValue(context, target, "namedCurve", OneByteString(isolate, group));
    }
  } else if (EVP_PKEY_is_a(pkey, "DSA")) {
    BIGNUM* q = nullptr;
    SetValue(context, target, "modulusLength", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) == 1) {
      SetValue(context, target, "divisorLength", v8::Integer::New(isolate, BN_num_bits(q)));
      BN_free(q);
    }
  }
  ERR_clear_error();
}

void GetSymmetricKeySize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(This(args)->secret().size()));
}

// equals(other): same kind and the same key material.
void Equals(const v8::FunctionCallbackInfo<v8::Value>& args) {
  KeyObjectHandle* a = This(args);
  KeyObjectHandle* b = KeyObjectHandle::From(args[0]);
  CHECK(b != nullptr);
  bool equal;
  if (a->kind() == Kind::kSecret) {
    equal = b->kind() == Kind::kSecret && a->secret().size() == b->secret().size() &&
            CRYPTO_memcmp(a->secret().data(), b->secret().data(), a->secret().size()) == 0;
  } else {
    equal = b->kind() != Kind::kSecret && EVP_PKEY_eq(a->pkey(), b->pkey()) == 1;
  }
  ERR_clear_error();
  args.GetReturnValue().Set(equal);
}

}  // namespace

const char* AsymmetricKeyType(const EVP_PKEY* pkey) {
  static const struct { const char* openssl; const char* node; } kTypes[] = {
      {"RSA-PSS", "rsa-pss"}, {"RSA", "rsa"},         {"EC", "ec"},
      {"ED25519", "ed25519"}, {"ED448", "ed448"},     {"X25519", "x25519"},
      {"X448", "x448"},       {"DSA", "dsa"},         {"DH", "dh"},
      {"DHX", "dh"},
  };
  for (const auto& t : kTypes) {
    if (EVP_PKEY_is_a(pkey, t.openssl)) return t.node;
  }
  return nullptr;
}

v8::MaybeLocal<v8::Object> KeyObjectHandle::Create(Realm* realm, EVP_PKEY* pkey, Kind kind) {
  v8::Local<v8::Function> constructor = realm->binding_state<KeyState>()->constructor.Get(
      realm->isolate());
  v8::Local<v8::Object> obj;
  if (!constructor->NewInstance(realm->context()).ToLocal(&obj)) {
    EVP_PKEY_free(pkey);
    return {};
  }
  From(obj)->SetKey(pkey, kind);
  return obj;
}

void InitializeKeys(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = NewClass(target, "KeyObjectHandle", New);
  SetProto(isolate, templ, "initSecret", InitSecret);
  SetProto(isolate, templ, "parse", Parse);
  SetProto(isolate, templ, "initJwk", InitJwk);
  SetProto(isolate, templ, "export", Export);
  SetProto(isolate, templ, "exportJwk", ExportJwk);
  SetProto(isolate, templ, "getAsymmetricKeyType", GetAsymmetricKeyType);
  SetProto(isolate, templ, "keyDetail", KeyDetail);
  SetProto(isolate, templ, "getSymmetricKeySize", GetSymmetricKeySize);
  SetProto(isolate, templ, "equals", Equals);
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.realm->binding_state<KeyState>()->constructor.Reset(isolate, constructor);
    target.Value("KeyObjectHandle", constructor);
  }
}

}  // namespace skua::crypto
