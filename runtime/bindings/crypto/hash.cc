// Hash objects (createHash, hash.copy(), XOF output lengths), the one-shot crypto.hash()
// and getHashes().
#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

class Hash : public BaseObject {
 public:
  Hash(Realm* realm, v8::Local<v8::Object> object, EVP_MD_CTX* ctx, size_t out_len)
      : BaseObject(realm, object), ctx_(ctx), out_len_(out_len) {}
  ~Hash() override { EVP_MD_CTX_free(ctx_); }

  // new Hash(algorithm | Hash, outputLength | undefined). Throws for an unknown digest or
  // an output length the digest cannot produce.
  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    v8::Isolate* isolate = args.GetIsolate();
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const EVP_MD* md = nullptr;
    bool ok;
    if (Hash* source = Unwrap<Hash>(args[0])) {
      ok = EVP_MD_CTX_copy_ex(ctx, source->ctx_) == 1;
      md = EVP_MD_CTX_get0_md(ctx);
    } else {
      md = GetDigest(ToUtf8(isolate, args[0]));
      ok = md != nullptr && EVP_DigestInit_ex(ctx, md, nullptr) == 1;
    }
    if (!ok) {
      EVP_MD_CTX_free(ctx);
      ERR_clear_error();
      return Throw(isolate, JobError::Plain("Digest method not supported"));
    }
    size_t out_len = EVP_MD_get_size(md);
    if (args[1]->IsNumber()) {
      size_t wanted = static_cast<size_t>(args[1].As<v8::Number>()->Value());
      bool xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
      if (wanted != out_len && !xof) {
        EVP_MD_CTX_free(ctx);
        ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
        return ThrowOpenSsl(isolate, "Invalid XOF digest length");
      }
      out_len = wanted;
    }
    new Hash(Realm::From(isolate), args.This(), ctx, out_len);
  }

  // update(data: string (UTF-8) | ArrayBufferView): false on failure.
  static void Update(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Hash* hash = Unwrap<Hash>(args.This());
    CHECK(hash != nullptr);
    bool ok;
    if (args[0]->IsString()) {
      std::string text = ToUtf8(args.GetIsolate(), args[0]);
      ok = EVP_DigestUpdate(hash->ctx_, text.data(), text.size()) == 1;
    } else {
      View v = ViewOf(args[0]);
      ok = EVP_DigestUpdate(hash->ctx_, v.data, v.size) == 1;
    }
    args.GetReturnValue().Set(ok);
  }

  // digest(): the ArrayBuffer of the final output.
  static void Digest(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Hash* hash = Unwrap<Hash>(args.This());
    CHECK(hash != nullptr);
    Bytes out(hash->out_len_);
    if (!Finish(hash->ctx_, out)) return ThrowOpenSsl(args.GetIsolate(), "Digest failed");
    args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), std::move(out)));
  }

  static bool Finish(EVP_MD_CTX* ctx, Bytes& out) {
    const EVP_MD* md = EVP_MD_CTX_get0_md(ctx);
    if (out.size() == static_cast<size_t>(EVP_MD_get_size(md)) &&
        (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) == 0) {
      unsigned int len = 0;
      return EVP_DigestFinal_ex(ctx, out.data(), &len) == 1;
    }
    if (out.empty()) return true;
    return EVP_DigestFinalXOF(ctx, out.data(), out.size()) == 1;
  }

 private:
  EVP_MD_CTX* ctx_;
  size_t out_len_;
};

// hashOneShot(algorithm, data: string | view, outputLength | undefined): ArrayBuffer, or
// undefined for an unknown digest.
void HashOneShot(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  const EVP_MD* md = GetDigest(ToUtf8(isolate, args[0]));
  if (md == nullptr) return;
  size_t out_len = args[2]->IsNumber() ? static_cast<size_t>(args[2].As<v8::Number>()->Value())
                                       : static_cast<size_t>(EVP_MD_get_size(md));
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestInit_ex(ctx, md, nullptr) == 1;
  if (ok && args[1]->IsString()) {
    std::string text = ToUtf8(isolate, args[1]);
    ok = EVP_DigestUpdate(ctx, text.data(), text.size()) == 1;
  } else if (ok) {
    View v = ViewOf(args[1]);
    ok = EVP_DigestUpdate(ctx, v.data, v.size) == 1;
  }
  Bytes out(out_len);
  ok = ok && Hash::Finish(ctx, out);
  EVP_MD_CTX_free(ctx);
  if (!ok) return ThrowOpenSsl(isolate, "Digest failed");
  args.GetReturnValue().Set(AdoptArrayBuffer(isolate, std::move(out)));
}

void CollectDigest(const EVP_MD* md, const char* from, const char* to, void* arg) {
  auto* names = static_cast<std::vector<std::string>*>(arg);
  const char* name = from != nullptr ? from : (md != nullptr ? EVP_MD_get0_name(md) : nullptr);
  if (name != nullptr && GetDigest(name) != nullptr) names->emplace_back(name);
}

// getHashes(): every digest name and alias OpenSSL can fetch, sorted.
void GetHashes(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::vector<std::string> names;
  EVP_MD_do_all_sorted(CollectDigest, &names);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  v8::Local<v8::Array> result;
  if (ToStringArray(args.GetIsolate(), names).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// getDigestSize(algorithm): the digest's natural output size, or -1 when unknown.
void GetDigestSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  const EVP_MD* md = GetDigest(ToUtf8(args.GetIsolate(), args[0]));
  args.GetReturnValue().Set(md == nullptr ? -1 : EVP_MD_get_size(md));
}

}  // namespace

void InitializeHash(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = NewClass(target, "Hash", Hash::New);
  SetProto(isolate, templ, "update", Hash::Update);
  SetProto(isolate, templ, "digest", Hash::Digest);
  ExposeClass(target, "Hash", templ);
  target.Method("hashOneShot", HashOneShot);
  target.Method("getHashes", GetHashes);
  target.Method("getDigestSize", GetDigestSize);
}

}  // namespace skua::crypto
