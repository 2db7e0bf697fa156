// `fs` binding calls on directories: readdir (uv_fs_scandir, optionally with entry types)
// and opendir, whose DirHandle reads entries in batches (uv_fs_readdir) for fs.Dir.
//
// Rules for DirHandle: a JS object with one internal field pointing at its DirState. The
// state is freed by the weak callback when the handle is collected; a directory still open
// then is closed synchronously. Requests keep the handle alive (FSReq::KeepAlive), so
// libuv never sees a freed DirState. stdlib's Dir runs one request at a time per handle.
#include "base/check.h"
#include "runtime/bindings/fs_req.h"

namespace skua::fs {

namespace {

using Args = v8::FunctionCallbackInfo<v8::Value>;

class DirHandleState : public BindingState {
 public:
  explicit DirHandleState(Realm* realm) {
    v8::Isolate* isolate = realm->isolate();
    v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate);
    tmpl->SetClassName(OneByteString(isolate, "DirHandle"));
    tmpl->InstanceTemplate()->SetInternalFieldCount(1);
    v8::Local<v8::ObjectTemplate> proto = tmpl->PrototypeTemplate();
    proto->Set(isolate, "read", v8::FunctionTemplate::New(isolate, Read));
    proto->Set(isolate, "close", v8::FunctionTemplate::New(isolate, Close));
    template_.Reset(isolate, tmpl);
  }

  v8::Local<v8::FunctionTemplate> tmpl(v8::Isolate* isolate) { return template_.Get(isolate); }

 private:
  static void Read(const Args& args);
  static void Close(const Args& args);

  v8::Global<v8::FunctionTemplate> template_;
};

// Owned by its handle object (see the rules above).
struct DirBox {
  DirState state;
  v8::Global<v8::Object> handle;
};

DirBox* Unwrap(const Args& args) {
  CHECK(args.This()->InternalFieldCount() == 1);
  return static_cast<DirBox*>(args.This()->GetAlignedPointerFromInternalField(0));
}

void OnHandleCollected(const v8::WeakCallbackInfo<DirBox>& info) {
  DirBox* box = info.GetParameter();
  if (box->state.dir != nullptr) {
    uv_fs_t req;
    uv_fs_closedir(nullptr, &req, box->state.dir, nullptr);
    uv_fs_req_cleanup(&req);
  }
  box->handle.Reset();
  delete box;
}

// handle.read(req, ctx) -> [name, type, ...] for up to 32 entries, or null at the end.
void DirHandleState::Read(const Args& args) {
  DirBox* box = Unwrap(args);
  CHECK(box->state.dir != nullptr);
  uv_dir_t* dir = box->state.dir;
  dir->dirents = box->state.entries;
  dir->nentries = DirState::kEntries;
  FSCall call(args, 0, {ResultKind::kDirEntries});
  call.KeepAlive(args.This());
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_readdir(loop, req, dir, cb);
  });
}

// handle.close(req, ctx)
void DirHandleState::Close(const Args& args) {
  DirBox* box = Unwrap(args);
  CHECK(box->state.dir != nullptr);
  uv_dir_t* dir = box->state.dir;
  box->state.dir = nullptr;  // Closed once, even if the close itself fails.
  FSCall call(args, 0, {});
  call.KeepAlive(args.This());
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_closedir(loop, req, dir, cb);
  });
}

// readdir(path, withTypes, req, ctx) -> names, or [names, types]
void Readdir(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 2, {ResultKind::kScandir, false, args[1]->IsTrue()});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_scandir(loop, req, *path, 0, cb);
  });
}

// opendir(path, req, ctx) -> DirHandle
void Opendir(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 1, {ResultKind::kDirHandle});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_opendir(loop, req, *path, cb);
  });
}

}  // namespace

v8::MaybeLocal<v8::Object> NewDirHandle(Realm* realm, uv_dir_t* dir) {
  v8::Isolate* isolate = realm->isolate();
  v8::Local<v8::Context> context = realm->context();
  v8::Local<v8::Function> ctor;
  v8::Local<v8::Object> handle;
  if (!realm->binding_state<DirHandleState>()->tmpl(isolate)->GetFunction(context).ToLocal(
          &ctor) ||
      !ctor->NewInstance(context).ToLocal(&handle)) {
    // The directory would leak with no handle to close it.
    uv_fs_t req;
    uv_fs_closedir(nullptr, &req, dir, nullptr);
    uv_fs_req_cleanup(&req);
    return {};
  }
  auto* box = new DirBox();
  box->state.dir = dir;
  handle->SetAlignedPointerInInternalField(0, box);
  box->handle.Reset(isolate, handle);
  box->handle.SetWeak(box, OnHandleCollected, v8::WeakCallbackType::kParameter);
  return handle;
}

void InitializeDirCalls(BindingTarget& target) {
  target.Method("readdir", Readdir);
  target.Method("opendir", Opendir);
}

}  // namespace skua::fs
