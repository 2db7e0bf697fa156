// CompressionStream: the part shared by the `zlib` binding's classes (Zlib over system
// zlib, BrotliEncoder and BrotliDecoder over libbrotli): JS-facing write/writeSync/
// close/reset, the thread-pool dispatch of async writes, and error reporting.
//
// Rules:
// - JS owns the input and output buffers of a write and keeps them alive until the
//   process callback runs (stdlib's zlib keeps them on the handle); this object only
//   borrows pointers into them.
// - At most one write is in flight. While it is, the JS object is held strongly and
//   DoWork() runs on a libuv pool thread: DoWork() touches only the codec state and the
//   borrowed buffers, never V8. Everything else runs on the loop thread.
// - close() during a write is deferred until the write completes (pending_close_).
// - Errors reach JS as `onerror(message, errno, code)`: through MakeCallback after an
//   async write, called directly (so the caller sees exceptions) from writeSync.
#ifndef SKUA_RUNTIME_BINDINGS_ZLIB_STREAM_H_
#define SKUA_RUNTIME_BINDINGS_ZLIB_STREAM_H_

#include <uv.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/core/base_object.h"
#include "runtime/core/binding.h"
#include "v8.h"

namespace skua::zlib {

// Stream modes, shared with stdlib (zlib.constants.DEFLATE ...).
enum Mode {
  kNone = 0,
  kDeflate,
  kInflate,
  kGzip,
  kGunzip,
  kDeflateRaw,
  kInflateRaw,
  kUnzip,
  kBrotliDecode,
  kBrotliEncode,
};

// A codec failure as JS sees it. `message == nullptr` means no error.
struct CompressionError {
  const char* message = nullptr;
  std::string code;  // "Z_DATA_ERROR", "ERR__ERROR_FORMAT_PADDING_1", ...
  int err = 0;       // errno for JS: zlib's Z_* code or brotli's error code.

  bool IsError() const { return message != nullptr; }
};

class CompressionStream : public BaseObject {
 public:
  // Adds write, writeSync, close and reset to a class's prototype.
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ);

 protected:
  CompressionStream(Realm* realm, v8::Local<v8::Object> object);
  ~CompressionStream() override;

  // Remembers the JS write-state array ([availOutAfter, availInAfter]) and the process
  // callback that async writes complete into. Called by each subclass's init().
  void SetWriteState(v8::Local<v8::Uint32Array> state, v8::Local<v8::Function> callback);

  // One step of the codec over next_in_/avail_in_ into next_out_/avail_out_ with
  // flush_; updates those fields. Pool thread or loop thread; never touches V8.
  virtual void DoWork() = 0;
  // The error left by the last DoWork(), if any.
  virtual CompressionError GetError() const = 0;
  virtual CompressionError ResetStream() = 0;
  // Frees the codec state at close(). Subclass destructors free it too when close()
  // never ran, so it must be idempotent.
  virtual void FreeStream() = 0;

  // Reports `error` to JS onerror: directly when `sync`, else through MakeCallback.
  void EmitError(const CompressionError& error, bool sync);

  bool closed() const { return closed_; }

  // The current write, as the subclass's DoWork() sees it.
  const uint8_t* next_in_ = nullptr;
  size_t avail_in_ = 0;
  uint8_t* next_out_ = nullptr;
  size_t avail_out_ = 0;
  int flush_ = 0;

 private:
  static void JsWrite(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsWriteSync(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsClose(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsReset(const v8::FunctionCallbackInfo<v8::Value>& args);

  // Reads write()'s arguments into the next_*/avail_* fields; false when the stream
  // cannot take a write.
  bool PrepareWrite(const v8::FunctionCallbackInfo<v8::Value>& args);
  void UpdateWriteState();
  void Close();
  static void WorkCallback(uv_work_t* req);
  static void AfterWorkCallback(uv_work_t* req, int status);

  uv_work_t work_;
  bool write_in_progress_ = false;
  bool pending_close_ = false;
  bool closed_ = false;
  // Lifetime: points into write_state_'s backing store, kept alive by that Global.
  uint32_t* write_state_data_ = nullptr;
  v8::Global<v8::Uint32Array> write_state_;
  v8::Global<v8::Function> write_callback_;
};

// Adds BrotliEncoder and BrotliDecoder to the binding and the BROTLI_* numbers to
// `constants` (zlib_brotli.cc).
void InitializeBrotli(BindingTarget& target, v8::Local<v8::Object> constants);

// Adds oneShot(), the libdeflate path of the whole-buffer forms (zlib_oneshot.cc).
void InitializeOneShot(BindingTarget& target);

}  // namespace skua::zlib

#endif  // SKUA_RUNTIME_BINDINGS_ZLIB_STREAM_H_
