// Hmac objects (createHmac) on OpenSSL's HMAC_CTX.
#include <openssl/hmac.h>

#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

class Hmac : public BaseObject {
 public:
  Hmac(Realm* realm, v8::Local<v8::Object> object) : BaseObject(realm, object) {}
  ~Hmac() override { HMAC_CTX_free(ctx_); }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    new Hmac(Realm::From(args.GetIsolate()), args.This());
  }

  // init(algorithm, key: view): false for an unknown digest.
  static void Init(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Hmac* hmac = Unwrap<Hmac>(args.This());
    CHECK(hmac != nullptr && hmac->ctx_ == nullptr);
    CHECK(args[0]->IsString());
    const EVP_MD* md = GetDigest(Utf8Bytes(args.GetIsolate(), args[0].As<v8::String>()).str());
    if (md == nullptr) return args.GetReturnValue().Set(false);
    View key = ViewOf(args[1]);
    // HMAC_Init_ex reads a null key as "keep the previous key"; an empty key needs a
    // non-null pointer.
    static const uint8_t kEmpty = 0;
    hmac->ctx_ = HMAC_CTX_new();
    if (HMAC_Init_ex(hmac->ctx_, key.size > 0 ? key.data : &kEmpty, static_cast<int>(key.size),
                     md, nullptr) != 1) {
      return ThrowOpenSsl(args.GetIsolate(), "Failed to initialize HMAC");
    }
    args.GetReturnValue().Set(true);
  }

  // update(data: string (UTF-8) | view).
  static void Update(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Hmac* hmac = Unwrap<Hmac>(args.This());
    CHECK(hmac != nullptr && hmac->ctx_ != nullptr);
    bool ok;
    if (args[0]->IsString()) {
      Utf8Bytes text(args.GetIsolate(), args[0].As<v8::String>());
      ok = HMAC_Update(hmac->ctx_, text.data(), text.size());
    } else {
      View v = ViewOf(args[0]);
      ok = HMAC_Update(hmac->ctx_, v.data, v.size);
    }
    args.GetReturnValue().Set(ok);
  }

  // digest(encoding: OutputEncoding | undefined): a string in that encoding or an
  // ArrayBuffer (see EncodeOutput). JS refuses further calls.
  static void Digest(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Hmac* hmac = Unwrap<Hmac>(args.This());
    CHECK(hmac != nullptr && hmac->ctx_ != nullptr);
    uint8_t out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (HMAC_Final(hmac->ctx_, out, &len) != 1) {
      return ThrowOpenSsl(args.GetIsolate(), "HMAC failed");
    }
    args.GetReturnValue().Set(EncodeOutput(args.GetIsolate(), out, len, ToOutputEncoding(args[0])));
  }

 private:
  HMAC_CTX* ctx_ = nullptr;
};

}  // namespace

void InitializeHmac(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = NewClass(target, "Hmac", Hmac::New);
  SetProto(isolate, templ, "init", Hmac::Init);
  SetProto(isolate, templ, "update", Hmac::Update);
  SetProto(isolate, templ, "digest", Hmac::Digest);
  ExposeClass(target, "Hmac", templ);
}

}  // namespace skua::crypto
