// Random bytes (randomBytes, randomFill, getRandomValues; randomInt and randomUUID build on
// them in stdlib) from OpenSSL's CSPRNG, on the thread pool for the callback forms.
#include <openssl/rand.h>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

class RandomFillJob : public CryptoJob {
 public:
  RandomFillJob(v8::Isolate* isolate, v8::Local<v8::Value> buffer, uint8_t* data, size_t size)
      : buffer_(isolate, buffer), data_(data), size_(size) {}

  void Run() override {
    // RAND_bytes takes an int: fill in chunks so that huge buffers work.
    for (size_t done = 0; done < size_;) {
      int chunk = static_cast<int>(std::min<size_t>(size_ - done, 1 << 30));
      if (RAND_bytes(data_ + done, chunk) != 1) {
        error_ = JobError::FromOpenSsl("Random bytes generation failed");
        return;
      }
      done += chunk;
    }
  }
  v8::Local<v8::Value> Result(v8::Isolate* isolate) override { return v8::Undefined(isolate); }
  const char* async_type() const override { return "RANDOMBYTESREQUEST"; }

 private:
  // Lifetime: the Global keeps the buffer (and so data_) alive until the job is done.
  v8::Global<v8::Value> buffer_;
  uint8_t* data_;
  size_t size_;
};

// randomFill(buffer: view | ArrayBuffer, offset, size, callback?): stdlib checked the range.
void RandomFill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  View v = ViewOf(args[0]);
  size_t offset = static_cast<size_t>(args[1].As<v8::Number>()->Value());
  size_t size = static_cast<size_t>(args[2].As<v8::Number>()->Value());
  CHECK(offset + size <= v.size);
  CryptoJob::Dispatch(
      args, std::make_unique<RandomFillJob>(args.GetIsolate(), args[0], v.data + offset, size),
      args[3]);
}

}  // namespace

void InitializeRandom(BindingTarget& target) { target.Method("randomFill", RandomFill); }

}  // namespace skua::crypto
