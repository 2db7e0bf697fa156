// LibuvStreamWrap: the HandleWrap base of every uv_stream_t handle (TCP, Pipe, TTY). It
// gives JS Node's StreamBase surface: readStart/readStop, writeBuffer/writev/
// write{Utf8,Latin1,Ascii,Ucs2}String, shutdown, setBlocking, bytesRead/bytesWritten/fd.
//
// Calling convention (Node's):
// - Reads call JS `onread(nread, arrayBuffer)`: nread > 0 with a fresh ArrayBuffer of
//   exactly nread bytes (libuv read straight into its memory: no copy), or nread < 0
//   (UV_EOF or an error) with undefined.
// - A write takes a JS request object and returns 0 or a negative uv error. After the
//   call, streamBaseState[kBytesWritten] holds the bytes queued and
//   streamBaseState[kLastWriteWasAsync] is 1 when the write went to uv_write (the
//   request's `oncomplete(status, handle, error)` fires later) or 0 when uv_try_write
//   took everything (no callback; JS completes it).
// - shutdown(req) completes with `oncomplete(status, handle, error)` on the request.
//
// Rules:
// - On an IPC pipe, writeBuffer/write*String take an optional third argument, a TCP,
//   Pipe or UDP handle object whose descriptor is sent with the bytes (uv_write2; never
//   uv_try_write). After a read on an IPC pipe that brought descriptors, `onread` gets a
//   third argument: the array of their types ('TCP', 'Pipe', 'UDP'); JS accepts each
//   into a new handle of that type with the pipe's acceptHandle(handle).
// - Buffers written asynchronously are kept alive by the JS request object (stdlib sets
//   req.buffer / req.chunks); string bytes are copied into the WriteWrap it owns.
#ifndef SKUA_RUNTIME_CORE_STREAM_BASE_H_
#define SKUA_RUNTIME_CORE_STREAM_BASE_H_

#include <uv.h>

#include <cstdint>
#include <memory>

#include "runtime/core/handle_wrap.h"
#include "runtime/core/realm.h"
#include "runtime/core/req_wrap.h"

namespace skua {

// The Float64Array shared with stdlib (internal/stream_base_commons.js).
class StreamBaseState : public BindingState {
 public:
  enum Field { kBytesWritten = 0, kLastWriteWasAsync = 1, kFieldCount };

  explicit StreamBaseState(Realm* realm);
  double* fields() { return fields_; }
  v8::Local<v8::Float64Array> Array(v8::Isolate* isolate);

 private:
  std::shared_ptr<v8::BackingStore> store_;
  double* fields_;  // Lifetime: points into store_.
};

class WriteWrap : public ReqWrap<uv_write_t> {
 public:
  WriteWrap(Realm* realm, v8::Local<v8::Object> object, std::unique_ptr<char[]> storage)
      : ReqWrap(realm, object), storage_(std::move(storage)) {}

 private:
  std::unique_ptr<char[]> storage_;  // String bytes libuv reads until completion.
};

using ShutdownWrap = ReqWrap<uv_shutdown_t>;

class LibuvStreamWrap : public HandleWrap {
 public:
  // Adds the StreamBase methods (and HandleWrap's) to a class's prototype.
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ);

  uv_stream_t* stream() const { return stream_; }

 protected:
  LibuvStreamWrap(Realm* realm, v8::Local<v8::Object> object, uv_stream_t* stream);

 private:
  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnWrite(uv_write_t* req, int status);
  static void OnShutdown(uv_shutdown_t* req, int status);

  // Writes bufs (try_write first, then uv_write for the rest); `storage` owns the bytes
  // when they are not a JS buffer; `send_handle` (IPC pipes) goes with the bytes.
  int DoWrite(v8::Local<v8::Object> req_obj, uv_buf_t* bufs, size_t count,
              std::unique_ptr<char[]> storage, uv_stream_t* send_handle = nullptr);
  // The handle to send given as args[index], nullptr when none; `ok` is false when the
  // argument is a closed handle.
  static uv_stream_t* SendHandleArg(const v8::FunctionCallbackInfo<v8::Value>& args,
                                    int index, bool* ok);

  static void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Writev(const v8::FunctionCallbackInfo<v8::Value>& args);
  enum class Encoding { kUtf8, kLatin1, kUcs2 };
  template <Encoding>
  static void WriteString(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void WriteUtf8String(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void SetBlocking(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetBytesRead(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetBytesWritten(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetFd(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetWriteQueueSize(const v8::FunctionCallbackInfo<v8::Value>& args);

  uv_stream_t* stream_;  // Lifetime: embedded in the subclass.
  uint64_t bytes_read_ = 0;
  uint64_t bytes_written_ = 0;
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_STREAM_BASE_H_
