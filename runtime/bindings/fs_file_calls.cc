// `fs` binding calls on file descriptors: open/close, read/write (buffers, strings,
// vectors), sync, truncate, fstat, fchmod/fchown/futimes. stdlib validates every argument;
// these functions CHECK types only. Each ends with (req, ctx), see fs_req.h.
#include <vector>

#include "base/check.h"
#include "runtime/bindings/fs_req.h"

namespace skua::fs {

namespace {

using Args = v8::FunctionCallbackInfo<v8::Value>;

// stdlib has range-checked it; -0 arrives as a double, hence no IsInt32().
int FdArg(const Args& args, int i) {
  CHECK(args[i]->IsNumber());
  return static_cast<int>(args[i].As<v8::Number>()->Value());
}

double NumberArg(const Args& args, int i) {
  CHECK(args[i]->IsNumber());
  return args[i].As<v8::Number>()->Value();
}

// The bytes of a view at `offset`. Lifetime: Buffer() moves on-heap typed array contents
// off the heap, so the pointer stays valid while the view is kept alive (KeepAlive).
char* ViewData(v8::Local<v8::Value> value, size_t offset) {
  CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  return static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset() + offset;
}

// open(path, flags, mode, req, ctx) -> fd
void Open(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  int flags = static_cast<int>(NumberArg(args, 1));
  int mode = static_cast<int>(NumberArg(args, 2));
  FSCall call(args, 3, {ResultKind::kNumber});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_open(loop, req, *path, flags, mode, cb);
  });
}

// close(fd, req, ctx), fsync(fd, req, ctx), fdatasync(fd, req, ctx): calls that take a
// descriptor and nothing else.
template <int (*FsCall)(uv_loop_t*, uv_fs_t*, uv_file, uv_fs_cb)>
void FdOnlyCall(const Args& args) {
  int fd = FdArg(args, 0);
  FSCall call(args, 1, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) { return FsCall(loop, req, fd, cb); });
}

// read(fd, buffer, offset, length, position, req, ctx) -> bytesRead. position -1: current.
void Read(const Args& args) {
  int fd = FdArg(args, 0);
  size_t offset = static_cast<size_t>(NumberArg(args, 2));
  size_t length = static_cast<size_t>(NumberArg(args, 3));
  int64_t position = Int64Arg(args[4]);
  uv_buf_t buf = uv_buf_init(ViewData(args[1], offset), static_cast<unsigned>(length));
  FSCall call(args, 5, {ResultKind::kNumber});
  call.KeepAlive(args[1]);
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_read(loop, req, fd, &buf, 1, position, cb);
  });
}

}  // namespace

// writeBuffer(fd, buffer, offset, length, position, req, ctx) -> bytesWritten.
void WriteBufferCall(const Args& args) {
  int fd = FdArg(args, 0);
  size_t offset = static_cast<size_t>(NumberArg(args, 2));
  size_t length = static_cast<size_t>(NumberArg(args, 3));
  int64_t position = Int64Arg(args[4]);
  uv_buf_t buf = uv_buf_init(ViewData(args[1], offset), static_cast<unsigned>(length));
  FSCall call(args, 5, {ResultKind::kNumber});
  call.KeepAlive(args[1]);
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_write(loop, req, fd, &buf, 1, position, cb);
  });
}

// writeString(fd, string, position, req, ctx) -> bytesWritten (UTF-8; stdlib turns other
// encodings into buffers first).
void WriteStringCall(const Args& args) {
  int fd = FdArg(args, 0);
  int64_t position = Int64Arg(args[2]);
  FSCall call(args, 3, {ResultKind::kNumber});
  std::string& bytes = call.storage();
  bytes = ToUtf8(args.GetIsolate(), args[1]);
  uv_buf_t buf = uv_buf_init(bytes.data(), static_cast<unsigned>(bytes.size()));
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_write(loop, req, fd, &buf, 1, position, cb);
  });
}

namespace {

// readBuffers / writeBuffers(fd, arrayOfViews, position, req, ctx) -> bytes.
void Vectored(const Args& args, bool write) {
  int fd = FdArg(args, 0);
  CHECK(args[1]->IsArray());
  v8::Local<v8::Array> array = args[1].As<v8::Array>();
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  int64_t position = Int64Arg(args[2]);
  FSCall call(args, 3, {ResultKind::kNumber});
  std::vector<uv_buf_t> bufs(array->Length());
  for (uint32_t i = 0; i < array->Length(); i++) {
    v8::Local<v8::Value> view;
    if (!array->Get(context, i).ToLocal(&view)) return;
    size_t length = view.As<v8::ArrayBufferView>()->ByteLength();
    bufs[i] = uv_buf_init(ViewData(view, 0), static_cast<unsigned>(length));
    call.KeepAlive(view);
  }
  // libuv copies the uv_buf_t array itself, so `bufs` may go when Run returns.
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    auto n = static_cast<unsigned>(bufs.size());
    return write ? uv_fs_write(loop, req, fd, bufs.data(), n, position, cb)
                 : uv_fs_read(loop, req, fd, bufs.data(), n, position, cb);
  });
}

void ReadBuffers(const Args& args) { Vectored(args, false); }
void WriteBuffers(const Args& args) { Vectored(args, true); }

// ftruncate(fd, length, req, ctx)
void Ftruncate(const Args& args) {
  int fd = FdArg(args, 0);
  int64_t length = Int64Arg(args[1]);
  FSCall call(args, 2, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_ftruncate(loop, req, fd, length, cb);
  });
}

// fstat(fd, bigint, req, ctx) -> stat array
void Fstat(const Args& args) {
  int fd = FdArg(args, 0);
  FSCall call(args, 2, {ResultKind::kStat, args[1]->IsTrue()});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fstat(loop, req, fd, cb);
  });
}

// fchmod(fd, mode, req, ctx)
void Fchmod(const Args& args) {
  int fd = FdArg(args, 0);
  int mode = static_cast<int>(NumberArg(args, 1));
  FSCall call(args, 2, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fchmod(loop, req, fd, mode, cb);
  });
}

// fchown(fd, uid, gid, req, ctx)
void Fchown(const Args& args) {
  int fd = FdArg(args, 0);
  auto uid = static_cast<uv_uid_t>(NumberArg(args, 1));
  auto gid = static_cast<uv_gid_t>(NumberArg(args, 2));
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fchown(loop, req, fd, uid, gid, cb);
  });
}

// futimes(fd, atimeSeconds, mtimeSeconds, req, ctx)
void Futimes(const Args& args) {
  int fd = FdArg(args, 0);
  double atime = NumberArg(args, 1);
  double mtime = NumberArg(args, 2);
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_futime(loop, req, fd, atime, mtime, cb);
  });
}

}  // namespace

void InitializeFileCalls(BindingTarget& target) {
  target.Method("open", Open);
  target.Method("close", FdOnlyCall<uv_fs_close>);
  target.Method("read", Read);
  target.Method("readBuffers", ReadBuffers);
  target.Method("writeBuffers", WriteBuffers);
  target.Method("fsync", FdOnlyCall<uv_fs_fsync>);
  target.Method("fdatasync", FdOnlyCall<uv_fs_fdatasync>);
  target.Method("ftruncate", Ftruncate);
  target.Method("fstat", Fstat);
  target.Method("fchmod", Fchmod);
  target.Method("fchown", Fchown);
  target.Method("futimes", Futimes);
}

}  // namespace skua::fs
