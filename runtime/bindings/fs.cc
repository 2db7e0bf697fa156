// `fs`: the binding behind node:fs. This file holds its registration, the constants,
// FSReqCallback, and the short synchronous calls the module loader and stdio use
// (internalModuleStat, readFileUtf8, and the two-/three-argument forms of realpath,
// writeString and writeBuffer). The Node-shaped calls live in fs_file_calls.cc,
// fs_path_calls.cc and fs_dir.cc, on the request machinery of fs_req.h.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "runtime/bindings/fs_req.h"
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

// The loader's short forms (path, ctx) / (fd, data, ctx) share their names with Node's
// calls, which always pass req and ctx too; the argument count tells them apart.
void RealpathEntry(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (args.Length() == 2) return Realpath(args);
  RealpathCall(args);
}

void WriteStringEntry(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (args.Length() == 3) return WriteString(args);
  WriteStringCall(args);
}

void WriteBufferEntry(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (args.Length() == 3) return WriteBuffer(args);
  WriteBufferCall(args);
}

// new FSReqCallback(bigint): a plain object whose `oncomplete` an async call invokes.
void FSReqCallbackNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args.IsConstructCall()) {
    ThrowError(args.GetIsolate(), "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor", true);
  }
}

v8::Local<v8::Object> Constants(v8::Isolate* isolate, v8::Local<v8::Context> context) {
  v8::Local<v8::Object> c = v8::Object::New(isolate);
  auto set = [&](const char* name, int value) {
    SetValue(context, c, name, v8::Integer::New(isolate, value));
  };
  set("UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR);
  set("UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION);
  set("O_RDONLY", O_RDONLY);
  set("O_WRONLY", O_WRONLY);
  set("O_RDWR", O_RDWR);
  set("UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN);
  set("UV_DIRENT_FILE", UV_DIRENT_FILE);
  set("UV_DIRENT_DIR", UV_DIRENT_DIR);
  set("UV_DIRENT_LINK", UV_DIRENT_LINK);
  set("UV_DIRENT_FIFO", UV_DIRENT_FIFO);
  set("UV_DIRENT_SOCKET", UV_DIRENT_SOCKET);
  set("UV_DIRENT_CHAR", UV_DIRENT_CHAR);
  set("UV_DIRENT_BLOCK", UV_DIRENT_BLOCK);
  set("EXTENSIONLESS_FORMAT_JAVASCRIPT", 0);
  set("EXTENSIONLESS_FORMAT_WASM", 1);
  set("S_IFMT", S_IFMT);
  set("S_IFREG", S_IFREG);
  set("S_IFDIR", S_IFDIR);
  set("S_IFCHR", S_IFCHR);
  set("S_IFBLK", S_IFBLK);
  set("S_IFIFO", S_IFIFO);
  set("S_IFLNK", S_IFLNK);
  set("S_IFSOCK", S_IFSOCK);
  set("O_CREAT", O_CREAT);
  set("O_EXCL", O_EXCL);
  set("UV_FS_O_FILEMAP", 0);
  set("O_NOCTTY", O_NOCTTY);
  set("O_TRUNC", O_TRUNC);
  set("O_APPEND", O_APPEND);
  set("O_DIRECTORY", O_DIRECTORY);
  set("O_NOATIME", O_NOATIME);
  set("O_NOFOLLOW", O_NOFOLLOW);
  set("O_SYNC", O_SYNC);
  set("O_DSYNC", O_DSYNC);
  set("O_DIRECT", O_DIRECT);
  set("O_NONBLOCK", O_NONBLOCK);
  set("S_IRWXU", S_IRWXU);
  set("S_IRUSR", S_IRUSR);
  set("S_IWUSR", S_IWUSR);
  set("S_IXUSR", S_IXUSR);
  set("S_IRWXG", S_IRWXG);
  set("S_IRGRP", S_IRGRP);
  set("S_IWGRP", S_IWGRP);
  set("S_IXGRP", S_IXGRP);
  set("S_IRWXO", S_IRWXO);
  set("S_IROTH", S_IROTH);
  set("S_IWOTH", S_IWOTH);
  set("S_IXOTH", S_IXOTH);
  set("F_OK", F_OK);
  set("R_OK", R_OK);
  set("W_OK", W_OK);
  set("X_OK", X_OK);
  set("UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
  set("COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
  set("UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
  set("COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
  set("UV_FS_COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE);
  set("COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE);
  return c;
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  target.Method("internalModuleStat", InternalModuleStat);
  target.Method("readFileUtf8", ReadFileUtf8);
  target.Method("activeRequests", ActiveRequests);
  target.Method("realpath", RealpathEntry);
  target.Method("writeString", WriteStringEntry);
  target.Method("writeBuffer", WriteBufferEntry);
  InitializeFileCalls(target);
  InitializePathCalls(target);
  InitializeDirCalls(target);
  InitializeStatWatcher(target);

  v8::Local<v8::FunctionTemplate> req = v8::FunctionTemplate::New(isolate, FSReqCallbackNew);
  req->SetClassName(OneByteString(isolate, "FSReqCallback"));
  v8::Local<v8::Function> req_ctor;
  if (req->GetFunction(target.context).ToLocal(&req_ctor)) {
    target.Value("FSReqCallback", req_ctor);
  }
  target.Value("constants", Constants(isolate, target.context));
  target.Value("kFsStatsFieldsNumber", v8::Integer::New(isolate, kStatFields));
}

}  // namespace skua::fs

SKUA_BINDING(fs, Initialize)
