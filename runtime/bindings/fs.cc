// `fs`: the synchronous file calls the module loader and process.stdout/stderr need.
// Each failing call fills its `ctx` argument (see runtime/core/uv_error.h); the full fs
// binding (async requests, every call) comes with the fs module.
#include <poll.h>

#include <cerrno>
#include <string>

#include "runtime/core/binding.h"
#include "runtime/core/uv_error.h"

namespace skua::fs {

namespace {

// Owns a synchronous uv_fs_t and cleans it up.
struct SyncRequest {
  uv_fs_t req;
  ~SyncRequest() { uv_fs_req_cleanup(&req); }
};

void FailWith(const v8::FunctionCallbackInfo<v8::Value>& args, int ctx_index, int err,
              const char* syscall, const char* path) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Object> ctx = args[ctx_index].As<v8::Object>();
  FillUvError(context, ctx, err, syscall);
  v8::Local<v8::String> path_value;
  if (path != nullptr && Utf8String(args.GetIsolate(), path).ToLocal(&path_value)) {
    SetValue(context, ctx, "path", path_value);
  }
}

// internalModuleStat(path): 0 for a file, 1 for a directory, a negative errno otherwise.
void InternalModuleStat(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value path(args.GetIsolate(), args[0]);
  SyncRequest r;
  int err = uv_fs_stat(nullptr, &r.req, *path, nullptr);
  if (err != 0) {
    args.GetReturnValue().Set(err);
    return;
  }
  args.GetReturnValue().Set(S_ISDIR(r.req.statbuf.st_mode) ? 1 : 0);
}

// readFileUtf8(path, ctx): the whole file as a string.
void ReadFileUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::String::Utf8Value path(isolate, args[0]);
  SyncRequest open_req;
  int fd = uv_fs_open(nullptr, &open_req.req, *path, O_RDONLY | O_CLOEXEC, 0, nullptr);
  if (fd < 0) return FailWith(args, 1, fd, "open", *path);
  std::string data;
  char chunk[64 * 1024];
  int err = 0;
  for (;;) {
    SyncRequest read_req;
    uv_buf_t buf = uv_buf_init(chunk, sizeof(chunk));
    int n = uv_fs_read(nullptr, &read_req.req, fd, &buf, 1, -1, nullptr);
    if (n < 0) err = n;
    if (n <= 0) break;
    data.append(chunk, static_cast<size_t>(n));
  }
  SyncRequest close_req;
  uv_fs_close(nullptr, &close_req.req, fd, nullptr);
  if (err != 0) return FailWith(args, 1, err, "read", *path);
  v8::Local<v8::String> text;
  if (Utf8String(isolate, data).ToLocal(&text)) {
    args.GetReturnValue().Set(text);
  } else {
    ThrowError(isolate, "ERR_STRING_TOO_LONG", "Cannot create a string longer than 0x1fffffe8 "
               "characters");
  }
}

// realpath(path, ctx): the canonical absolute path.
void Realpath(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::String::Utf8Value path(isolate, args[0]);
  SyncRequest r;
  int err = uv_fs_realpath(nullptr, &r.req, *path, nullptr);
  if (err != 0) return FailWith(args, 1, err, "realpath", *path);
  v8::Local<v8::String> result;
  if (Utf8String(isolate, static_cast<const char*>(r.req.ptr)).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// Writes all of `data`, waiting when the descriptor is non-blocking and full (a pipe
// the parent made non-blocking, say). Returns 0 or a negative errno.
int WriteAll(int fd, const char* data, size_t left) {
  while (left > 0) {
    ssize_t n = write(fd, data, left);
    if (n >= 0) {
      data += n;
      left -= static_cast<size_t>(n);
    } else if (errno == EAGAIN) {
      pollfd p = {fd, POLLOUT, 0};
      poll(&p, 1, -1);
    } else if (errno != EINTR) {
      return -errno;
    }
  }
  return 0;
}

// writeString(fd, string, ctx): writes the string as UTF-8; returns the byte count.
void WriteString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value text(args.GetIsolate(), args[1]);
  int err = WriteAll(args[0].As<v8::Int32>()->Value(), *text, static_cast<size_t>(text.length()));
  if (err != 0) return FailWith(args, 2, err, "write", nullptr);
  args.GetReturnValue().Set(text.length());
}

// writeBuffer(fd, arrayBufferView, ctx): writes the view's bytes; returns the count.
void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
  const char* data = static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset();
  int err = WriteAll(args[0].As<v8::Int32>()->Value(), data, view->ByteLength());
  if (err != 0) return FailWith(args, 2, err, "write", nullptr);
  args.GetReturnValue().Set(static_cast<double>(view->ByteLength()));
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("internalModuleStat", InternalModuleStat);
  target.Method("readFileUtf8", ReadFileUtf8);
  target.Method("realpath", Realpath);
  target.Method("writeString", WriteString);
  target.Method("writeBuffer", WriteBuffer);
}

}  // namespace skua::fs

SKUA_BINDING(fs, Initialize)
