// Hash objects (createHash, hash.copy(), XOF output lengths), the one-shot crypto.hash()
// and getHashes().
#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

// GetDigest for a JS string, behind a one-entry cache per thread: hashing loops ask for
// the same name call after call, and this skips GetDigest's lock and map lookup.
const EVP_MD* LookupDigest(v8::Isolate* isolate, v8::Local<v8::String> name) {
  struct LastLookup {
    char name[32];
    size_t length = sizeof(name) + 1;  // No name yet: matches no real length.
    const EVP_MD* md = nullptr;
  };
  thread_local LastLookup last;
  Utf8Bytes bytes(isolate, name);
  if (bytes.size() == last.length && memcmp(bytes.data(), last.name, last.length) == 0) {
    return last.md;
  }
  const EVP_MD* md = GetDigest(bytes.str());
  if (bytes.size() <= sizeof(last.name)) {
    memcpy(last.name, bytes.data(), bytes.size());
    last.length = bytes.size();
    last.md = md;
  }
  return md;
}

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
      md = args[0]->IsString() ? LookupDigest(isolate, args[0].As<v8::String>()) : nullptr;
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
      Utf8Bytes text(args.GetIsolate(), args[0].As<v8::String>());
      ok = EVP_DigestUpdate(hash->ctx_, text.data(), text.size()) == 1;
    } else {
      View v = ViewOf(args[0]);
      ok = EVP_DigestUpdate(hash->ctx_, v.data, v.size) == 1;
    }
    args.GetReturnValue().Set(ok);
  }

  // digest(encoding: OutputEncoding | undefined): the final output as a string in that
  // encoding, or as an ArrayBuffer (see EncodeOutput).
  static void Digest(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Hash* hash = Unwrap<Hash>(args.This());
    CHECK(hash != nullptr);
    args.GetReturnValue().Set(
        FinishAndEncode(args.GetIsolate(), hash->ctx_, hash->out_len_, args[0]));
  }

  // The output of `ctx` (`out_len` bytes) in the encoding `encoding` names; empty after
  // throwing when OpenSSL fails.
  static v8::Local<v8::Value> FinishAndEncode(v8::Isolate* isolate, EVP_MD_CTX* ctx,
                                              size_t out_len, v8::Local<v8::Value> encoding) {
    OutputEncoding enc = ToOutputEncoding(encoding);
    if (out_len <= EVP_MAX_MD_SIZE) {
      uint8_t out[EVP_MAX_MD_SIZE];
      if (!Finish(ctx, out, out_len)) {
        ThrowOpenSsl(isolate, "Digest failed");
        return {};
      }
      return EncodeOutput(isolate, out, out_len, enc);
    }
    // Long XOF outputs: adopted, not copied; EncodeOutput would not take them anyway.
    Bytes out(out_len);
    if (!Finish(ctx, out.data(), out_len)) {
      ThrowOpenSsl(isolate, "Digest failed");
      return {};
    }
    return AdoptArrayBuffer(isolate, std::move(out));
  }

  static bool Finish(EVP_MD_CTX* ctx, uint8_t* out, size_t out_len) {
    const EVP_MD* md = EVP_MD_CTX_get0_md(ctx);
    if (out_len == static_cast<size_t>(EVP_MD_get_size(md)) &&
        (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) == 0) {
      unsigned int len = 0;
      return EVP_DigestFinal_ex(ctx, out, &len) == 1;
    }
    if (out_len == 0) return true;
    return EVP_DigestFinalXOF(ctx, out, out_len) == 1;
  }

 private:
  EVP_MD_CTX* ctx_;
  size_t out_len_;
};

// hashOneShot(algorithm, data: string | view, outputLength | undefined,
// encoding: OutputEncoding | undefined): a string or ArrayBuffer as Hash's digest(), or
// undefined for an unknown digest.
void HashOneShot(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CHECK(args[0]->IsString());
  const EVP_MD* md = LookupDigest(isolate, args[0].As<v8::String>());
  if (md == nullptr) return;
  size_t out_len = args[2]->IsNumber() ? static_cast<size_t>(args[2].As<v8::Number>()->Value())
                                       : static_cast<size_t>(EVP_MD_get_size(md));
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = EVP_DigestInit_ex(ctx, md, nullptr) == 1;
  if (ok && args[1]->IsString()) {
    Utf8Bytes text(isolate, args[1].As<v8::String>());
    ok = EVP_DigestUpdate(ctx, text.data(), text.size()) == 1;
  } else if (ok) {
    View v = ViewOf(args[1]);
    ok = EVP_DigestUpdate(ctx, v.data, v.size) == 1;
  }
  v8::Local<v8::Value> result;
  if (ok) {
    result = Hash::FinishAndEncode(isolate, ctx, out_len, args[3]);
  } else {
    ThrowOpenSsl(isolate, "Digest failed");
  }
  EVP_MD_CTX_free(ctx);
  if (!result.IsEmpty()) args.GetReturnValue().Set(result);
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
