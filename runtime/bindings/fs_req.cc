// FSReq and FSCall: running one libuv fs request for the `fs` binding, synchronously or
// asynchronously, and converting its result (see fs_req.h for the calling convention).
#include "runtime/bindings/fs_req.h"

#include "base/check.h"
#include "runtime/core/uv_error.h"

namespace skua::fs {

namespace {

v8::MaybeLocal<v8::Value> ScandirResult(v8::Isolate* isolate, uv_fs_t* req, bool with_types) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<v8::Local<v8::Value>> names;
  std::vector<v8::Local<v8::Value>> types;
  uv_dirent_t ent;
  while (uv_fs_scandir_next(req, &ent) != UV_EOF) {
    v8::Local<v8::String> name;
    if (!Utf8String(isolate, ent.name).ToLocal(&name)) return {};
    names.push_back(name);
    if (with_types) types.push_back(v8::Integer::New(isolate, ent.type));
  }
  v8::Local<v8::Array> names_array = v8::Array::New(isolate, names.data(), names.size());
  if (!with_types) return names_array;
  v8::Local<v8::Value> pair[2] = {names_array,
                                  v8::Array::New(isolate, types.data(), types.size())};
  (void)context;
  return v8::Array::New(isolate, pair, 2);
}

v8::MaybeLocal<v8::Value> DirEntriesResult(v8::Isolate* isolate, uv_fs_t* req) {
  if (req->result == 0) return v8::Null(isolate);
  auto* dir = static_cast<uv_dir_t*>(req->ptr);
  std::vector<v8::Local<v8::Value>> flat;
  flat.reserve(static_cast<size_t>(req->result) * 2);
  for (ssize_t i = 0; i < req->result; i++) {
    v8::Local<v8::String> name;
    if (!Utf8String(isolate, dir->dirents[i].name).ToLocal(&name)) return {};
    flat.push_back(name);
    flat.push_back(v8::Integer::New(isolate, dir->dirents[i].type));
  }
  return v8::Array::New(isolate, flat.data(), flat.size());
}

// Node's `syscall` names for each request type.
const char* SyscallName(uv_fs_type type) {
  switch (type) {
    case UV_FS_OPEN: return "open";
    case UV_FS_CLOSE: return "close";
    case UV_FS_READ: return "read";
    case UV_FS_WRITE: return "write";
    case UV_FS_SENDFILE: return "sendfile";
    case UV_FS_STAT: return "stat";
    case UV_FS_LSTAT: return "lstat";
    case UV_FS_FSTAT: return "fstat";
    case UV_FS_FTRUNCATE: return "ftruncate";
    case UV_FS_UTIME: return "utime";
    case UV_FS_FUTIME: return "futime";
    case UV_FS_LUTIME: return "lutime";
    case UV_FS_ACCESS: return "access";
    case UV_FS_CHMOD: return "chmod";
    case UV_FS_FCHMOD: return "fchmod";
    case UV_FS_FSYNC: return "fsync";
    case UV_FS_FDATASYNC: return "fdatasync";
    case UV_FS_UNLINK: return "unlink";
    case UV_FS_RMDIR: return "rmdir";
    case UV_FS_MKDIR: return "mkdir";
    case UV_FS_MKDTEMP: return "mkdtemp";
    case UV_FS_MKSTEMP: return "mkstemp";
    case UV_FS_RENAME: return "rename";
    case UV_FS_SCANDIR: return "scandir";
    case UV_FS_LINK: return "link";
    case UV_FS_SYMLINK: return "symlink";
    case UV_FS_READLINK: return "readlink";
    case UV_FS_CHOWN: return "chown";
    case UV_FS_FCHOWN: return "fchown";
    case UV_FS_LCHOWN: return "lchown";
    case UV_FS_REALPATH: return "realpath";
    case UV_FS_COPYFILE: return "copyfile";
    case UV_FS_OPENDIR: return "opendir";
    case UV_FS_READDIR: return "readdir";
    case UV_FS_CLOSEDIR: return "closedir";
    case UV_FS_STATFS: return "statfs";
    default: return "unknown";
  }
}

v8::MaybeLocal<v8::Value> StringResult(v8::Isolate* isolate, const char* text) {
  v8::Local<v8::String> result;
  if (!Utf8String(isolate, text).ToLocal(&result)) return {};
  return result;
}

}  // namespace

v8::MaybeLocal<v8::Value> ResultOf(Realm* realm, uv_fs_t* req, const ResultSpec& spec) {
  v8::Isolate* isolate = realm->isolate();
  switch (spec.kind) {
    case ResultKind::kUndefined:
      return v8::Undefined(isolate);
    case ResultKind::kNumber:
      return v8::Number::New(isolate, static_cast<double>(req->result));
    case ResultKind::kStat:
      return NewStatArray(isolate, req->statbuf, spec.bigint);
    case ResultKind::kStatfs:
      return NewStatfsArray(isolate, *static_cast<uv_statfs_t*>(req->ptr), spec.bigint);
    case ResultKind::kPath:
      return StringResult(isolate, req->path);
    case ResultKind::kPtrString:
      return StringResult(isolate, static_cast<const char*>(req->ptr));
    case ResultKind::kScandir:
      return ScandirResult(isolate, req, spec.with_types);
    case ResultKind::kDirHandle: {
      v8::Local<v8::Object> handle;
      if (!NewDirHandle(realm, static_cast<uv_dir_t*>(req->ptr)).ToLocal(&handle)) return {};
      return handle;
    }
    case ResultKind::kDirEntries:
      return DirEntriesResult(isolate, req);
  }
  UNREACHABLE();
}

void FillErrorContext(v8::Local<v8::Context> context, v8::Local<v8::Object> ctx, uv_fs_t* req) {
  v8::Isolate* isolate = context->GetIsolate();
  FillUvError(context, ctx, static_cast<int>(req->result), SyscallName(req->fs_type));
  v8::Local<v8::String> text;
  if (req->path != nullptr && Utf8String(isolate, req->path).ToLocal(&text)) {
    SetValue(context, ctx, "path", text);
  }
  if (req->new_path != nullptr && Utf8String(isolate, req->new_path).ToLocal(&text)) {
    SetValue(context, ctx, "dest", text);
  }
}

v8::Local<v8::Object> ErrorContext(v8::Local<v8::Context> context, uv_fs_t* req) {
  v8::Local<v8::Object> ctx = v8::Object::New(context->GetIsolate());
  FillErrorContext(context, ctx, req);
  return ctx;
}

namespace {
struct InFlight : BindingState {
  explicit InFlight(Realm* /*realm*/) {}
  int count = 0;
};
}  // namespace

void ActiveRequests(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(Realm::From(args.GetIsolate())->binding_state<InFlight>()->count);
}

FSReq::FSReq(Realm* realm, v8::Local<v8::Object> object, ResultSpec spec)
    : realm_(realm), spec_(spec), object_(realm->isolate(), object) {
  req_.data = this;
  realm->binding_state<InFlight>()->count++;
  realm->CaptureAsyncFrame(object);
  if (realm->async_hooks_enabled()) async_id_ = realm->EmitAsyncInit(object, nullptr);
}

FSReq::~FSReq() {
  realm_->binding_state<InFlight>()->count--;
  if (async_id_ > 0) realm_->QueueAsyncDestroy(async_id_);
}

void FSReq::KeepAlive(v8::Local<v8::Value> value) {
  keep_alive_.emplace_back(realm_->isolate(), value);
}

void FSReq::OnComplete(uv_fs_t* req) {
  auto* self = static_cast<FSReq*>(req->data);
  Realm* realm = self->realm_;
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = realm->context();
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Value> argv[2] = {v8::Null(isolate), v8::Undefined(isolate)};
  if (req->result < 0) {
    argv[0] = ErrorContext(context, req);
  } else {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> result;
    if (ResultOf(realm, req, self->spec_).ToLocal(&result)) {
      argv[1] = result;
    } else {
      // The only failure is a string too long for V8; report it as Node would.
      v8::Local<v8::Object> ctx = v8::Object::New(isolate);
      SetValue(context, ctx, "code", OneByteString(isolate, "ERR_STRING_TOO_LONG"));
      argv[0] = ctx;
    }
  }
  uv_fs_req_cleanup(req);
  v8::Local<v8::Object> object = self->object_.Get(isolate);
  delete self;
  v8::Local<v8::Value> oncomplete;
  if (!object->Get(context, OneByteString(isolate, "oncomplete")).ToLocal(&oncomplete) ||
      !oncomplete->IsFunction()) {
    return;
  }
  (void)realm->MakeCallback(oncomplete.As<v8::Function>(), object, 2, argv);
}

FSCall::FSCall(const v8::FunctionCallbackInfo<v8::Value>& args, int req_index, ResultSpec spec)
    : args_(args), req_index_(req_index), spec_(spec),
      realm_(Realm::From(args.GetIsolate())) {
  if (args[req_index]->IsObject()) {
    async_ = new FSReq(realm_, args[req_index].As<v8::Object>(), spec);
  }
}

FSCall::~FSCall() {
  // Run() was never reached (an argument conversion failed): nothing was queued.
  delete async_;
  if (sync_done_) uv_fs_req_cleanup(&sync_req_);
}

void FSCall::Finish(int err) {
  v8::Isolate* isolate = args_.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (err < 0) {
    sync_req_.result = err;
    if (args_[req_index_ + 1]->IsObject()) {
      FillErrorContext(context, args_[req_index_ + 1].As<v8::Object>(), &sync_req_);
    }
    return;
  }
  v8::Local<v8::Value> result;
  if (ResultOf(realm_, &sync_req_, spec_).ToLocal(&result)) {
    args_.GetReturnValue().Set(result);
  }
}

PathArg::PathArg(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    path_.resize(view->ByteLength());
    view->CopyContents(path_.data(), path_.size());
  } else {
    path_ = ToUtf8(isolate, value);
  }
}

int64_t Int64Arg(v8::Local<v8::Value> value) {
  if (value->IsBigInt()) return value.As<v8::BigInt>()->Int64Value();
  if (value->IsNumber()) return static_cast<int64_t>(value.As<v8::Number>()->Value());
  return -1;
}

}  // namespace skua::fs
