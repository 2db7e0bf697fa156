// Shared pieces of the `crypto` binding: byte access to JS views, OpenSSL errors as
// Node-shaped JS errors, digest/cipher lookup, and CryptoJob, the unit of work that runs
// either at once (the *Sync forms) or on libuv's thread pool (the callback forms).
//
// Rules:
// - CryptoJob::Run executes on a pool thread: it touches no V8 object, only the copies
//   and raw pointers the job took when it was created (marked `// Lifetime:`).
// - Errors the JS side cannot foresee come back by value (a JobError or a status code);
//   only the outermost binding function turns one into a thrown JS exception.
#ifndef SKUA_RUNTIME_BINDINGS_CRYPTO_CRYPTO_UTIL_H_
#define SKUA_RUNTIME_BINDINGS_CRYPTO_CRYPTO_UTIL_H_

#include <openssl/evp.h>
#include <uv.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "v8.h"

namespace skua::crypto {

using Bytes = std::vector<uint8_t>;

// The bytes of an ArrayBufferView or ArrayBuffer. Lifetime: valid while the view is
// alive and not detached; do not call into JS while holding the pointer.
struct View {
  uint8_t* data;
  size_t size;
};
View ViewOf(v8::Local<v8::Value> value);
inline Bytes CopyOf(v8::Local<v8::Value> value) {
  View v = ViewOf(value);
  return Bytes(v.data, v.data + v.size);
}

// A new ArrayBuffer holding `size` bytes (stdlib wraps it in a Buffer).
v8::Local<v8::ArrayBuffer> NewArrayBuffer(v8::Isolate* isolate, const uint8_t* data, size_t size);
inline v8::Local<v8::ArrayBuffer> NewArrayBuffer(v8::Isolate* isolate, const Bytes& bytes) {
  return NewArrayBuffer(isolate, bytes.data(), bytes.size());
}
// Takes ownership of `bytes` without copying.
v8::Local<v8::ArrayBuffer> AdoptArrayBuffer(v8::Isolate* isolate, Bytes&& bytes);

// The UTF-8 bytes of a JS string (lone surrogates become U+FFFD). Short strings are
// written into an inline buffer, which spares the heap copies of String::Utf8Value on the
// small-input paths (hash.update('...')).
class Utf8Bytes {
 public:
  Utf8Bytes(v8::Isolate* isolate, v8::Local<v8::String> str);
  Utf8Bytes(const Utf8Bytes&) = delete;
  Utf8Bytes& operator=(const Utf8Bytes&) = delete;
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(data_); }
  size_t size() const { return size_; }
  std::string str() const { return std::string(data_, size_); }

 private:
  char inline_[256];
  std::string heap_;
  const char* data_;
  size_t size_;
};

// Output encodings that digest-style methods produce as a string directly (no Buffer in
// between); the numbers are the binding's interface (stdlib/internal/crypto/hash.js).
enum class OutputEncoding { kBuffer = 0, kHex = 1, kBase64 = 2, kBase64Url = 3, kLatin1 = 4 };
// `value` (a small integer from JS) as an OutputEncoding; kBuffer for anything else.
OutputEncoding ToOutputEncoding(v8::Local<v8::Value> value);
// `data` as a one-byte JS string in `encoding`, or as a new ArrayBuffer for kBuffer and for
// outputs too long to be worth the fast path (stdlib encodes those through Buffer).
v8::Local<v8::Value> EncodeOutput(v8::Isolate* isolate, const uint8_t* data, size_t size,
                                  OutputEncoding encoding);

// An error as a value: either OpenSSL's packed error code or Node's (code, message).
struct JobError {
  unsigned long openssl = 0;
  std::string code;
  std::string message;
  bool type_error = false;
  bool range_error = false;

  bool ok() const { return openssl == 0 && message.empty(); }
  // The last error on this thread's OpenSSL queue (clearing the queue), or `fallback`.
  static JobError FromOpenSsl(const char* fallback);
  static JobError Plain(std::string message) { return {0, "", std::move(message)}; }
};

// `error:XXXXXXXX:library::reason` with `library`, `reason` and `code` (ERR_OSSL_*) set, as
// Node decorates OpenSSL errors.
v8::Local<v8::Value> OpenSslError(v8::Isolate* isolate, unsigned long err);
v8::Local<v8::Value> ToJsError(v8::Isolate* isolate, const JobError& error);
// If decorating the error runs user code that throws (a setter on Object.prototype), that
// exception is the one thrown, as in Node.
inline void Throw(v8::Isolate* isolate, const JobError& error) {
  v8::Local<v8::Value> value;
  {
    v8::TryCatch try_catch(isolate);
    value = ToJsError(isolate, error);
    if (try_catch.HasCaught()) {
      try_catch.ReThrow();
      return;
    }
  }
  // Outside the TryCatch, which would otherwise swallow it.
  isolate->ThrowException(value);
}
// Throws the last OpenSSL error of this thread (or `fallback` when the queue is empty).
inline void ThrowOpenSsl(v8::Isolate* isolate, const char* fallback) {
  Throw(isolate, JobError::FromOpenSsl(fallback));
}

// Digest and cipher lookup by any name or alias OpenSSL knows ("sha256", "RSA-SHA256",
// "aes-128-gcm"); nullptr when unknown. The results are process-wide and never freed.
const EVP_MD* GetDigest(const std::string& name);
const EVP_CIPHER* GetCipher(const std::string& name);

// The prime of a well-known MODP group ("modp1", "modp2", "modp5", "modp14".."modp18";
// RFC 2409 / RFC 3526; generator 2), owned by the caller; nullptr for any other name.
BIGNUM* DhGroupPrime(const std::string& name);

class CryptoJob {
 public:
  virtual ~CryptoJob() = default;
  // The work itself; on a pool thread in the async form. Fills error_ on failure.
  virtual void Run() = 0;
  // On the loop thread after Run() succeeded: the JS result.
  virtual v8::Local<v8::Value> Result(v8::Isolate* isolate) = 0;
  // Its async_hooks provider type (Node's name for this kind of request).
  virtual const char* async_type() const { return "CRYPTOJOB"; }

  // With a function `callback`, queues the job and returns at once; the callback gets
  // (err, result) from the loop. Otherwise runs the job now and returns the result or
  // throws its error.
  static void Dispatch(const v8::FunctionCallbackInfo<v8::Value>& args,
                       std::unique_ptr<CryptoJob> job, v8::Local<v8::Value> callback);

 protected:
  JobError error_;
};

// Registration helpers of the files that make up the binding.
void InitializeHash(BindingTarget& target);
void InitializeHmac(BindingTarget& target);
void InitializeRandom(BindingTarget& target);
void InitializeKdf(BindingTarget& target);
void InitializeCipher(BindingTarget& target);
void InitializeKeys(BindingTarget& target);
void InitializeKeygen(BindingTarget& target);
void InitializeSign(BindingTarget& target);
void InitializeDh(BindingTarget& target);
void InitializeDiffieHellman(BindingTarget& target);
void InitializeX509(BindingTarget& target);
void InitializeSpkac(BindingTarget& target);

// A class template whose instances own a BaseObject (internal field 0).
v8::Local<v8::FunctionTemplate> NewClass(BindingTarget& target, const char* name,
                                         v8::FunctionCallback constructor);
void SetProto(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ, const char* name,
              v8::FunctionCallback callback);
void ExposeClass(BindingTarget& target, const char* name, v8::Local<v8::FunctionTemplate> templ);

}  // namespace skua::crypto

#endif  // SKUA_RUNTIME_BINDINGS_CRYPTO_CRYPTO_UTIL_H_
