// Shared helpers of the `crypto` binding (see crypto_util.h).
#include "runtime/bindings/crypto/crypto_util.h"

#include <openssl/err.h>

#include <cctype>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "base/check.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

View ViewOf(v8::Local<v8::Value> value) {
  if (value->IsArrayBuffer()) {
    v8::Local<v8::ArrayBuffer> ab = value.As<v8::ArrayBuffer>();
    return {static_cast<uint8_t*>(ab->Data()), ab->ByteLength()};
  }
  if (value->IsSharedArrayBuffer()) {
    v8::Local<v8::SharedArrayBuffer> ab = value.As<v8::SharedArrayBuffer>();
    return {static_cast<uint8_t*>(ab->Data()), ab->ByteLength()};
  }
  CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  auto* base = static_cast<uint8_t*>(view->Buffer()->Data());
  return {base + view->ByteOffset(), view->ByteLength()};
}

v8::Local<v8::ArrayBuffer> NewArrayBuffer(v8::Isolate* isolate, const uint8_t* data,
                                          size_t size) {
  // Lets V8 allocate the store itself: cheaper than building a BackingStore and handing
  // it over (no shared_ptr or extra bookkeeping), which matters for 16-64 byte digests.
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, size);
  if (size > 0) memcpy(buffer->Data(), data, size);
  return buffer;
}

v8::Local<v8::ArrayBuffer> AdoptArrayBuffer(v8::Isolate* isolate, Bytes&& bytes) {
  if (bytes.empty()) return v8::ArrayBuffer::New(isolate, 0);
  auto* owned = new Bytes(std::move(bytes));
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      owned->data(), owned->size(),
      [](void*, size_t, void* deleter_data) { delete static_cast<Bytes*>(deleter_data); },
      owned);
  return v8::ArrayBuffer::New(isolate, std::move(store));
}

Utf8Bytes::Utf8Bytes(v8::Isolate* isolate, v8::Local<v8::String> str) {
  constexpr int kFlags = v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8;
  // At most three UTF-8 bytes per UTF-16 unit (a surrogate pair takes four for two).
  if (static_cast<size_t>(str->Length()) * 3 <= sizeof(inline_)) {
    size_ = str->WriteUtf8(isolate, inline_, sizeof(inline_), nullptr, kFlags);
    data_ = inline_;
    return;
  }
  // A lone surrogate counts three bytes, as many as the U+FFFD that replaces it.
  heap_.resize(str->Utf8Length(isolate));
  size_ = str->WriteUtf8(isolate, heap_.data(), static_cast<int>(heap_.size()), nullptr, kFlags);
  data_ = heap_.data();
}

OutputEncoding ToOutputEncoding(v8::Local<v8::Value> value) {
  if (!value->IsInt32()) return OutputEncoding::kBuffer;
  int32_t n = value.As<v8::Int32>()->Value();
  if (n < 0 || n > static_cast<int32_t>(OutputEncoding::kLatin1)) return OutputEncoding::kBuffer;
  return static_cast<OutputEncoding>(n);
}

namespace {

// Buffer's base64 alphabets: '+/' with '=' padding, or '-_' without padding.
size_t EncodeBase64(const uint8_t* in, size_t size, bool url, uint8_t* out) {
  const char* table = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint8_t* p = out;
  size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    uint32_t v = (in[i] << 16) | (in[i + 1] << 8) | in[i + 2];
    *p++ = table[v >> 18];
    *p++ = table[(v >> 12) & 63];
    *p++ = table[(v >> 6) & 63];
    *p++ = table[v & 63];
  }
  if (i < size) {
    uint32_t v = in[i] << 16;
    if (i + 1 < size) v |= in[i + 1] << 8;
    *p++ = table[v >> 18];
    *p++ = table[(v >> 12) & 63];
    if (i + 1 < size) {
      *p++ = table[(v >> 6) & 63];
    } else if (!url) {
      *p++ = '=';
    }
    if (!url) *p++ = '=';
  }
  return p - out;
}

}  // namespace

v8::Local<v8::Value> EncodeOutput(v8::Isolate* isolate, const uint8_t* data, size_t size,
                                  OutputEncoding encoding) {
  // Digests and MACs are at most 64 bytes; longer (XOF) outputs take Buffer's path.
  constexpr size_t kMaxFast = 1024;
  if (encoding == OutputEncoding::kBuffer || size > kMaxFast) {
    return NewArrayBuffer(isolate, data, size);
  }
  uint8_t text[kMaxFast * 2];
  const uint8_t* chars = text;
  size_t length = 0;
  switch (encoding) {
    case OutputEncoding::kHex: {
      static const char kDigits[] = "0123456789abcdef";
      for (size_t i = 0; i < size; i++) {
        text[2 * i] = kDigits[data[i] >> 4];
        text[2 * i + 1] = kDigits[data[i] & 15];
      }
      length = size * 2;
      break;
    }
    case OutputEncoding::kBase64:
    case OutputEncoding::kBase64Url:
      length = EncodeBase64(data, size, encoding == OutputEncoding::kBase64Url, text);
      break;
    case OutputEncoding::kLatin1:
      chars = data;
      length = size;
      break;
    case OutputEncoding::kBuffer:
      UNREACHABLE();
  }
  // At most 2 KiB of characters: far below String::kMaxLength, so this cannot fail.
  return v8::String::NewFromOneByte(isolate, chars, v8::NewStringType::kNormal,
                                    static_cast<int>(length))
      .ToLocalChecked();
}

JobError JobError::FromOpenSsl(const char* fallback) {
  // The earliest error names the cause (a decoder's "unsupported" may follow it), as the
  // error Node reports.
  unsigned long err = ERR_peek_error();
  ERR_clear_error();
  if (err == 0) return Plain(fallback);
  JobError e;
  e.openssl = err;
  return e;
}

namespace {

// Node's code prefix per OpenSSL library: ERR_OSSL_<LIB>_<REASON>, no <LIB> for the
// libraries outside this list (providers, decoders).
const char* LibPrefix(int lib) {
  switch (lib) {
#define V(name) \
  case ERR_LIB_##name: return #name "_";
    V(SYS) V(BN) V(RSA) V(DH) V(EVP) V(BUF) V(OBJ) V(PEM) V(DSA) V(X509) V(ASN1) V(CONF)
    V(CRYPTO) V(EC) V(SSL) V(BIO) V(PKCS7) V(X509V3) V(PKCS12) V(RAND) V(DSO) V(ENGINE)
    V(OCSP) V(UI) V(COMP) V(ECDSA) V(ECDH) V(OSSL_STORE) V(FIPS) V(CMS) V(TS) V(HMAC) V(CT)
    V(ASYNC) V(KDF) V(SM2) V(USER)
#undef V
    default: return "";
  }
}

void SetString(v8::Isolate* isolate, v8::Local<v8::Object> obj, const char* key,
               const std::string& value) {
  v8::Local<v8::String> str;
  if (!Utf8String(isolate, value).ToLocal(&str)) return;
  // A fresh error object, but a pending exception (e.g. a termination) can still make the
  // store fail: leave the property out then rather than abort.
  if (obj->Set(isolate->GetCurrentContext(), OneByteString(isolate, key), str).IsNothing()) {
    return;
  }
}

}  // namespace

v8::Local<v8::Value> OpenSslError(v8::Isolate* isolate, unsigned long err) {
  char buf[256];
  ERR_error_string_n(err, buf, sizeof(buf));
  v8::Local<v8::String> message;
  if (!Utf8String(isolate, buf).ToLocal(&message)) message = OneByteString(isolate, "error");
  v8::Local<v8::Object> error = v8::Exception::Error(message).As<v8::Object>();
  if (const char* lib = ERR_lib_error_string(err)) SetString(isolate, error, "library", lib);
  if (const char* reason = ERR_reason_error_string(err)) {
    SetString(isolate, error, "reason", reason);
    std::string code(reason);
    for (char& c : code) c = c == ' ' ? '_' : static_cast<char>(toupper(c));
    std::string lib = LibPrefix(ERR_GET_LIB(err));
    const char* prefix = lib == "SSL_" ? "" : "OSSL_";
    SetString(isolate, error, "code", "ERR_" + std::string(prefix) + lib + code);
  }
  return error;
}

v8::Local<v8::Value> ToJsError(v8::Isolate* isolate, const JobError& error) {
  if (error.openssl != 0) return OpenSslError(isolate, error.openssl);
  v8::Local<v8::String> message;
  if (!Utf8String(isolate, error.message).ToLocal(&message)) {
    message = OneByteString(isolate, "error");
  }
  v8::Local<v8::Value> e = error.type_error    ? v8::Exception::TypeError(message)
                           : error.range_error ? v8::Exception::RangeError(message)
                                               : v8::Exception::Error(message);
  if (!error.code.empty()) SetString(isolate, e.As<v8::Object>(), "code", error.code);
  return e;
}

namespace {

template <typename T>
struct AlgorithmCache {
  std::mutex mutex;
  std::unordered_map<std::string, const T*> map;
};

}  // namespace

const EVP_MD* GetDigest(const std::string& name) {
  static auto* cache = new AlgorithmCache<EVP_MD>();
  std::lock_guard<std::mutex> lock(cache->mutex);
  auto it = cache->map.find(name);
  if (it != cache->map.end()) return it->second;
  // The legacy lookup knows aliases ("RSA-SHA256"); the fetch gives the provider's
  // implementation, so each EVP_DigestInit_ex need not fetch again.
  const EVP_MD* md = nullptr;
  if (const EVP_MD* legacy = EVP_get_digestbyname(name.c_str())) {
    md = EVP_MD_fetch(nullptr, EVP_MD_get0_name(legacy), nullptr);
    if (md == nullptr) md = legacy;
  } else {
    md = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
  }
  ERR_clear_error();
  cache->map.emplace(name, md);
  return md;
}

const EVP_CIPHER* GetCipher(const std::string& name) {
  static auto* cache = new AlgorithmCache<EVP_CIPHER>();
  std::lock_guard<std::mutex> lock(cache->mutex);
  auto it = cache->map.find(name);
  if (it != cache->map.end()) return it->second;
  const EVP_CIPHER* cipher = nullptr;
  if (const EVP_CIPHER* legacy = EVP_get_cipherbyname(name.c_str())) {
    cipher = EVP_CIPHER_fetch(nullptr, EVP_CIPHER_get0_name(legacy), nullptr);
    if (cipher == nullptr) cipher = legacy;
  } else {
    cipher = EVP_CIPHER_fetch(nullptr, name.c_str(), nullptr);
  }
  ERR_clear_error();
  cache->map.emplace(name, cipher);
  return cipher;
}

namespace {

// A queued job and what its completion needs.
struct PendingJob {
  uv_work_t req;
  std::unique_ptr<CryptoJob> job;
  Realm* realm;
  v8::Global<v8::Function> callback;
  double async_id = 0;
};

}  // namespace

void CryptoJob::Dispatch(const v8::FunctionCallbackInfo<v8::Value>& args,
                         std::unique_ptr<CryptoJob> job, v8::Local<v8::Value> callback) {
  v8::Isolate* isolate = args.GetIsolate();
  if (!callback->IsFunction()) {
    job->Run();
    if (!job->error_.ok()) return Throw(isolate, job->error_);
    args.GetReturnValue().Set(job->Result(isolate));
    return;
  }
  auto* pending = new PendingJob{};
  pending->req.data = pending;
  pending->job = std::move(job);
  pending->realm = Realm::From(isolate);
  pending->callback.Reset(isolate, callback.As<v8::Function>());
  pending->realm->CaptureAsyncFrame(callback.As<v8::Function>());
  if (pending->realm->async_hooks_enabled()) {
    pending->async_id = pending->realm->EmitAsyncInit(callback.As<v8::Function>(),
                                                      pending->job->async_type());
  }
  int err = uv_queue_work(
      pending->realm->loop(), &pending->req,
      [](uv_work_t* req) {
        static_cast<PendingJob*>(req->data)->job->Run();
        ERR_clear_error();  // Pool threads are shared: leave no errors behind.
      },
      [](uv_work_t* req, int status) {
        std::unique_ptr<PendingJob> pending(static_cast<PendingJob*>(req->data));
        Realm* realm = pending->realm;
        if (realm->is_stopping()) return;
        v8::Isolate* isolate = realm->isolate();
        v8::HandleScope scope(isolate);
        v8::Context::Scope context_scope(realm->context());
        CryptoJob* job = pending->job.get();
        v8::Local<v8::Value> argv[2] = {v8::Undefined(isolate), v8::Undefined(isolate)};
        if (!job->error_.ok()) {
          argv[0] = ToJsError(isolate, job->error_);
        } else {
          argv[0] = v8::Null(isolate);
          argv[1] = job->Result(isolate);
        }
        (void)realm->MakeCallback(pending->callback.Get(isolate), v8::Undefined(isolate), 2,
                                  argv);
        if (pending->async_id > 0) realm->QueueAsyncDestroy(pending->async_id);
      });
  CHECK_EQ(err, 0);  // Only fails for a null work callback.
}

v8::Local<v8::FunctionTemplate> NewClass(BindingTarget& target, const char* name,
                                         v8::FunctionCallback constructor) {
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(target.isolate, constructor);
  templ->SetClassName(OneByteString(target.isolate, name));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  return templ;
}

void SetProto(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ, const char* name,
              v8::FunctionCallback callback) {
  templ->PrototypeTemplate()->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
}

void ExposeClass(BindingTarget& target, const char* name, v8::Local<v8::FunctionTemplate> templ) {
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) target.Value(name, constructor);
}

}  // namespace skua::crypto
