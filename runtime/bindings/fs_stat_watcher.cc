// The `fs` binding's StatWatcher (uv_fs_poll_t), behind fs.watchFile. JS creates
// `new StatWatcher(bigint)`, calls start(path, intervalMs) and receives
// `onchange(status, current, previous)` with both stats as typed arrays of kStatFields
// (all zero while the file does not exist, as libuv reports it).
#include <uv.h>

#include <string>

#include "base/check.h"
#include "runtime/bindings/fs_req.h"
#include "runtime/core/handle_wrap.h"

namespace skua::fs {

namespace {

class StatWatcher : public HandleWrap {
 public:
  StatWatcher(Realm* realm, v8::Local<v8::Object> object, bool bigint)
      : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(&handle_)), bigint_(bigint) {
    int err = uv_fs_poll_init(realm->loop(), &handle_);
    CHECK(err == 0);  // Cannot fail: only initializes the handle.
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    new StatWatcher(Realm::From(args.GetIsolate()), args.This(), args[0]->IsTrue());
  }

  // start(path, intervalMs): 0 or a negative uv error.
  static void Start(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<StatWatcher>(args.This());
    if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
    if (uv_is_active(reinterpret_cast<uv_handle_t*>(&wrap->handle_))) return;
    std::string path = ToUtf8(args.GetIsolate(), args[0]);
    unsigned int interval =
        args[1]->Uint32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(5007);
    args.GetReturnValue().Set(uv_fs_poll_start(&wrap->handle_, OnChange, path.c_str(), interval));
  }

 private:
  static void OnChange(uv_fs_poll_t* handle, int status, const uv_stat_t* prev,
                       const uv_stat_t* curr) {
    auto* wrap = static_cast<StatWatcher*>(static_cast<HandleWrap*>(handle->data));
    Realm* realm = wrap->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Context> context = realm->context();
    v8::Local<v8::Value> argv[3] = {v8::Integer::New(isolate, status),
                                    NewStatArray(isolate, *curr, wrap->bigint_),
                                    NewStatArray(isolate, *prev, wrap->bigint_)};
    v8::Local<v8::Object> obj = wrap->object();
    v8::Local<v8::Value> onchange;
    if (!obj->Get(context, OneByteString(isolate, "onchange")).ToLocal(&onchange) ||
        !onchange->IsFunction()) {
      return;
    }
    (void)realm->MakeCallback(onchange.As<v8::Function>(), obj, 3, argv);
  }

  uv_fs_poll_t handle_;
  bool bigint_;
};

}  // namespace

void InitializeStatWatcher(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, StatWatcher::New);
  templ->SetClassName(OneByteString(isolate, "StatWatcher"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, templ);
  templ->PrototypeTemplate()->Set(isolate, "start",
                                  v8::FunctionTemplate::New(isolate, StatWatcher::Start));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("StatWatcher", constructor);
  }
}

}  // namespace skua::fs
