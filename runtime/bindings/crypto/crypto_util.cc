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
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, size);
  if (size > 0) memcpy(store->Data(), data, size);
  return v8::ArrayBuffer::New(isolate, std::move(store));
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
