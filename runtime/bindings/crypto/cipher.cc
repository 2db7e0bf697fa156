// CipherBase (createCipheriv / createDecipheriv): every EVP cipher, with the AEAD modes'
// IV lengths, AAD and tags, plus getCiphers() and getCipherInfo().
//
// init() reports argument problems as a status (stdlib throws Node's error for it); only
// OpenSSL failures that JS cannot foresee (bad decrypt) are thrown from here.
#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

// init() statuses; the numbers are mirrored in stdlib/internal/crypto/cipher.js.
enum InitStatus {
  kOk = 0,
  kUnknownCipher = 1,
  kInvalidKeyLength = 2,
  kInvalidIv = 3,
  kInvalidAuthTagLength = 4,
  kAuthTagLengthRequired = 5,
};

constexpr int kNoAuthTagLength = -1;

bool IsAead(int mode, const EVP_CIPHER* cipher) {
  return mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_CCM_MODE ||
         mode == EVP_CIPH_OCB_MODE || EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305;
}

bool ValidTagLength(int mode, int len) {
  switch (mode) {
    case EVP_CIPH_GCM_MODE: return len == 4 || len == 8 || (len >= 12 && len <= 16);
    case EVP_CIPH_CCM_MODE: return len >= 4 && len <= 16 && len % 2 == 0;
    default: return len >= 1 && len <= 16;  // OCB, ChaCha20-Poly1305.
  }
}

class CipherBase : public BaseObject {
 public:
  CipherBase(Realm* realm, v8::Local<v8::Object> object, bool encrypt)
      : BaseObject(realm, object), encrypt_(encrypt) {}
  ~CipherBase() override { EVP_CIPHER_CTX_free(ctx_); }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    new CipherBase(Realm::From(args.GetIsolate()), args.This(), args[0]->IsTrue());
  }

  // init(name, key, iv | null, authTagLength | -1): an InitStatus.
  static void Init(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CipherBase* self = Unwrap<CipherBase>(args.This());
    CHECK(self != nullptr && self->ctx_ == nullptr);
    View iv{};
    bool has_iv = !args[2]->IsNullOrUndefined();
    if (has_iv) iv = ViewOf(args[2]);
    int tag_len =
        args[3]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(kNoAuthTagLength);
    int status = self->DoInit(ToUtf8(args.GetIsolate(), args[0]), ViewOf(args[1]),
                              has_iv ? &iv : nullptr, tag_len);
    if (status < 0) return ThrowOpenSsl(args.GetIsolate(), "Failed to initialize cipher");
    args.GetReturnValue().Set(status);
  }

  // update(data): ArrayBuffer, or undefined when OpenSSL refuses the data.
  static void Update(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CipherBase* self = Unwrap<CipherBase>(args.This());
    CHECK(self != nullptr && self->ctx_ != nullptr);
    View in = ViewOf(args[0]);
    if (!self->PassAuthTag()) return;
    // EVP needs room for one extra block; key wrap with padding may add up to 15 bytes.
    size_t extra = EVP_CIPHER_CTX_get_block_size(self->ctx_) +
                   (self->mode_ == EVP_CIPH_WRAP_MODE ? 16 : 0);
    Bytes out(in.size + extra);
    int len = 0;
    int ok = EVP_CipherUpdate(self->ctx_, out.data(), &len, in.data, static_cast<int>(in.size));
    if (ok != 1) {
      ERR_clear_error();
      // CCM verifies the tag while decrypting: report it from final(), as Node does.
      if (self->mode_ == EVP_CIPH_CCM_MODE && !self->encrypt_) {
        self->auth_failed_ = true;
        len = 0;
      } else {
        return;
      }
    }
    out.resize(len);
    args.GetReturnValue().Set(AdoptArrayBuffer(args.GetIsolate(), std::move(out)));
  }

  // final(): ArrayBuffer; throws on failure (OpenSSL's error, or Node's AEAD message).
  static void Final(const v8::FunctionCallbackInfo<v8::Value>& args) {
    v8::Isolate* isolate = args.GetIsolate();
    CipherBase* self = Unwrap<CipherBase>(args.This());
    CHECK(self != nullptr && self->ctx_ != nullptr);
    bool aead = IsAead(self->mode_, EVP_CIPHER_CTX_get0_cipher(self->ctx_));
    Bytes out(EVP_CIPHER_CTX_get_block_size(self->ctx_));
    int len = 0;
    bool ok;
    if (aead && !self->encrypt_ && (!self->tag_set_ || self->auth_failed_)) {
      ok = false;
    } else if (self->mode_ == EVP_CIPH_CCM_MODE && !self->encrypt_) {
      ok = true;  // CCM decryption verifies in update().
    } else {
      ok = self->PassAuthTag() && EVP_CipherFinal_ex(self->ctx_, out.data(), &len) == 1;
    }
    if (ok && aead && self->encrypt_) {
      self->tag_.resize(self->tag_len_);
      ok = EVP_CIPHER_CTX_ctrl(self->ctx_, EVP_CTRL_AEAD_GET_TAG, self->tag_len_,
                               self->tag_.data()) == 1;
    }
    if (!ok) {
      if (aead && !self->encrypt_) {
        ERR_clear_error();
        return Throw(isolate,
                     JobError::Plain("Unsupported state or unable to authenticate data"));
      }
      return ThrowOpenSsl(isolate, "Unsupported state");
    }
    out.resize(len);
    args.GetReturnValue().Set(AdoptArrayBuffer(isolate, std::move(out)));
  }

  static void SetAutoPadding(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CipherBase* self = Unwrap<CipherBase>(args.This());
    CHECK(self != nullptr && self->ctx_ != nullptr);
    args.GetReturnValue().Set(
        EVP_CIPHER_CTX_set_padding(self->ctx_, args[0]->IsTrue() ? 1 : 0) == 1);
  }

  // setAAD(data, plaintextLength | -1): false when OpenSSL refuses.
  static void SetAAD(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CipherBase* self = Unwrap<CipherBase>(args.This());
    CHECK(self != nullptr && self->ctx_ != nullptr);
    View aad = ViewOf(args[0]);
    int plaintext_len = args[1]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(-1);
    int len = 0;
    if (self->mode_ == EVP_CIPH_CCM_MODE) {
      if (!self->PassAuthTag() ||
          EVP_CipherUpdate(self->ctx_, nullptr, &len, nullptr, plaintext_len) != 1) {
        ERR_clear_error();
        return args.GetReturnValue().Set(false);
      }
    }
    bool ok = EVP_CipherUpdate(self->ctx_, nullptr, &len, aad.data,
                               static_cast<int>(aad.size)) == 1;
    ERR_clear_error();
    args.GetReturnValue().Set(ok);
  }

  // setAuthTag(tag): an InitStatus (kInvalidAuthTagLength when the length is wrong).
  static void SetAuthTag(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CipherBase* self = Unwrap<CipherBase>(args.This());
    CHECK(self != nullptr && self->ctx_ != nullptr);
    if (self->encrypt_ || !IsAead(self->mode_, EVP_CIPHER_CTX_get0_cipher(self->ctx_))) {
      return args.GetReturnValue().Set(-1);
    }
    View tag = ViewOf(args[0]);
    int len = static_cast<int>(tag.size);
    bool fixed = self->tag_len_explicit_ || self->mode_ == EVP_CIPH_CCM_MODE;
    if ((fixed && len != self->tag_len_) || !ValidTagLength(self->mode_, len)) {
      return args.GetReturnValue().Set(kInvalidAuthTagLength);
    }
    self->tag_.assign(tag.data, tag.data + tag.size);
    self->tag_len_ = len;
    self->tag_set_ = true;
    self->tag_passed_ = false;
    args.GetReturnValue().Set(kOk);
  }

  static void GetAuthTag(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CipherBase* self = Unwrap<CipherBase>(args.This());
    CHECK(self != nullptr);
    if (self->tag_.empty()) return;
    args.GetReturnValue().Set(NewArrayBuffer(args.GetIsolate(), self->tag_));
  }

 private:
  int DoInit(const std::string& name, View key, View* iv, int tag_len) {
    const EVP_CIPHER* cipher = GetCipher(name);
    if (cipher == nullptr) return kUnknownCipher;
    mode_ = EVP_CIPHER_get_mode(cipher);
    bool aead = IsAead(mode_, cipher);
    int expected_iv = EVP_CIPHER_get_iv_length(cipher);
    // Only AEAD modes take other IV lengths; a cipher without IV accepts none or empty.
    if (iv == nullptr ? expected_iv != 0
                      : (!aead && static_cast<int>(iv->size) != expected_iv) ||
                            (aead && iv->size == 0)) {
      return kInvalidIv;
    }
    if (aead) {
      if (tag_len == kNoAuthTagLength) {
        if (mode_ == EVP_CIPH_CCM_MODE || mode_ == EVP_CIPH_OCB_MODE) {
          return kAuthTagLengthRequired;
        }
        tag_len_ = 16;
      } else {
        if (!ValidTagLength(mode_, tag_len)) return kInvalidAuthTagLength;
        tag_len_ = tag_len;
        tag_len_explicit_ = true;
      }
    }
    ctx_ = EVP_CIPHER_CTX_new();
    if (mode_ == EVP_CIPH_WRAP_MODE) {
      EVP_CIPHER_CTX_set_flags(ctx_, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    }
    if (EVP_CipherInit_ex(ctx_, cipher, nullptr, nullptr, nullptr, encrypt_) != 1) return -1;
    if (aead) {
      if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(iv->size),
                              nullptr) != 1) {
        ERR_clear_error();
        return kInvalidIv;
      }
      if ((mode_ == EVP_CIPH_CCM_MODE || mode_ == EVP_CIPH_OCB_MODE ||
           (!encrypt_ && mode_ != EVP_CIPH_GCM_MODE)) &&
          EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, tag_len_, nullptr) != 1) {
        ERR_clear_error();
        return kInvalidAuthTagLength;
      }
    }
    if (static_cast<int>(key.size) != EVP_CIPHER_get_key_length(cipher) &&
        EVP_CIPHER_CTX_set_key_length(ctx_, static_cast<int>(key.size)) != 1) {
      ERR_clear_error();
      return kInvalidKeyLength;
    }
    static const uint8_t kEmpty = 0;
    if (EVP_CipherInit_ex(ctx_, nullptr, nullptr, key.size > 0 ? key.data : &kEmpty,
                          iv != nullptr && iv->size > 0 ? iv->data : nullptr, encrypt_) != 1) {
      return -1;
    }
    return kOk;
  }

  // Hands a tag set by setAuthTag to OpenSSL, once, before data that depends on it.
  bool PassAuthTag() {
    if (encrypt_ || !tag_set_ || tag_passed_) return true;
    tag_passed_ = true;
    if (EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag_.size()),
                            tag_.data()) != 1) {
      ERR_clear_error();
      auth_failed_ = true;
    }
    return true;
  }

  bool encrypt_;
  EVP_CIPHER_CTX* ctx_ = nullptr;
  int mode_ = 0;
  int tag_len_ = 0;
  bool tag_len_explicit_ = false;
  bool tag_set_ = false;
  bool tag_passed_ = false;
  bool auth_failed_ = false;
  Bytes tag_;
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(tolower(c));
  return s;
}

void CollectCipher(const EVP_CIPHER* cipher, const char* from, const char* to, void* arg) {
  auto* names = static_cast<std::vector<std::string>*>(arg);
  const char* name = from != nullptr ? from : (cipher ? EVP_CIPHER_get0_name(cipher) : nullptr);
  if (name != nullptr && GetCipher(name) != nullptr) names->emplace_back(name);
}

// getCiphers(): every cipher name and alias OpenSSL can fetch.
void GetCiphers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::vector<std::string> names;
  EVP_CIPHER_do_all_sorted(CollectCipher, &names);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  v8::Local<v8::Array> result;
  if (ToStringArray(args.GetIsolate(), names).ToLocal(&result)) args.GetReturnValue().Set(result);
}

const char* ModeName(int mode, const EVP_CIPHER* cipher) {
  switch (mode) {
    case EVP_CIPH_CBC_MODE: return "cbc";
    case EVP_CIPH_CCM_MODE: return "ccm";
    case EVP_CIPH_CFB_MODE: return "cfb";
    case EVP_CIPH_CTR_MODE: return "ctr";
    case EVP_CIPH_ECB_MODE: return "ecb";
    case EVP_CIPH_GCM_MODE: return "gcm";
    case EVP_CIPH_OCB_MODE: return "ocb";
    case EVP_CIPH_OFB_MODE: return "ofb";
    case EVP_CIPH_STREAM_CIPHER: return "stream";
    case EVP_CIPH_WRAP_MODE: return "wrap";
    case EVP_CIPH_XTS_MODE: return "xts";
    default: return nullptr;
  }
}

// getCipherInfo(nameOrNid, keyLength | -1, ivLength | -1): the info object, or undefined
// for an unknown cipher or lengths it cannot take.
void GetCipherInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  const EVP_CIPHER* cipher = nullptr;
  if (args[0]->IsNumber()) {
    const char* sn = OBJ_nid2sn(args[0]->Int32Value(context).FromMaybe(0));
    if (sn != nullptr) cipher = GetCipher(sn);
  } else {
    cipher = GetCipher(ToUtf8(isolate, args[0]));
  }
  if (cipher == nullptr) return;
  int key_len = args[1]->Int32Value(context).FromMaybe(-1);
  int iv_len = args[2]->Int32Value(context).FromMaybe(-1);
  int mode = EVP_CIPHER_get_mode(cipher);
  if (key_len != -1 || iv_len != -1) {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    bool ok = EVP_CipherInit_ex(ctx, cipher, nullptr, nullptr, nullptr, 1) == 1;
    if (ok && key_len != -1 && key_len != EVP_CIPHER_get_key_length(cipher)) {
      ok = EVP_CIPHER_CTX_set_key_length(ctx, key_len) == 1;
    }
    if (ok && iv_len != -1 && iv_len != EVP_CIPHER_get_iv_length(cipher)) {
      ok = IsAead(mode, cipher) &&
           EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, iv_len, nullptr) == 1;
      if (mode == EVP_CIPH_CCM_MODE && (iv_len < 7 || iv_len > 13)) ok = false;
    }
    EVP_CIPHER_CTX_free(ctx);
    ERR_clear_error();
    if (!ok) return;
  }
  v8::Local<v8::Object> info = v8::Object::New(isolate);
  if (const char* m = ModeName(mode, cipher)) SetValue(context, info, "mode", OneByteString(isolate, m));
  v8::Local<v8::String> name;
  if (!Utf8String(isolate, Lower(OBJ_nid2sn(EVP_CIPHER_get_nid(cipher)))).ToLocal(&name)) return;
  SetValue(context, info, "name", name);
  SetValue(context, info, "nid", v8::Integer::New(isolate, EVP_CIPHER_get_nid(cipher)));
  if (mode != EVP_CIPH_STREAM_CIPHER) {
    SetValue(context, info, "blockSize",
             v8::Integer::New(isolate, EVP_CIPHER_get_block_size(cipher)));
  }
  int iv = iv_len != -1 ? iv_len : EVP_CIPHER_get_iv_length(cipher);
  if (iv != 0) SetValue(context, info, "ivLength", v8::Integer::New(isolate, iv));
  SetValue(context, info, "keyLength",
           v8::Integer::New(isolate, key_len != -1 ? key_len : EVP_CIPHER_get_key_length(cipher)));
  args.GetReturnValue().Set(info);
}

}  // namespace

void InitializeCipher(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = NewClass(target, "CipherBase", CipherBase::New);
  SetProto(isolate, templ, "init", CipherBase::Init);
  SetProto(isolate, templ, "update", CipherBase::Update);
  SetProto(isolate, templ, "final", CipherBase::Final);
  SetProto(isolate, templ, "setAutoPadding", CipherBase::SetAutoPadding);
  SetProto(isolate, templ, "setAAD", CipherBase::SetAAD);
  SetProto(isolate, templ, "setAuthTag", CipherBase::SetAuthTag);
  SetProto(isolate, templ, "getAuthTag", CipherBase::GetAuthTag);
  ExposeClass(target, "CipherBase", templ);
  target.Method("getCiphers", GetCiphers);
  target.Method("getCipherInfo", GetCipherInfo);
}

}  // namespace skua::crypto
