// `fs_event_wrap`: the FSEvent handle behind fs.watch (uv_fs_event_t). JS calls
// start(path, persistent, recursive) and receives `onchange(status, eventType, filename)`
// with eventType 'rename' or 'change' and filename a UTF-8 string or null.
#include <uv.h>

#include <string>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/realm.h"

namespace skua::fs_event_wrap {

namespace {

class FSEventWrap : public HandleWrap {
 public:
  FSEventWrap(Realm* realm, v8::Local<v8::Object> object)
      : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(&handle_)) {
    int err = uv_fs_event_init(realm->loop(), &handle_);
    CHECK(err == 0);  // Only allocates nothing and cannot fail on Linux.
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    new FSEventWrap(Realm::From(args.GetIsolate()), args.This());
  }

  // start(path, persistent, recursive): 0 or a negative uv error.
  static void Start(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<FSEventWrap>(args.This());
    if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
    if (wrap->started_) return args.GetReturnValue().Set(0);
    std::string path = ToUtf8(args.GetIsolate(), args[0]);
    unsigned int flags = args[2]->IsTrue() ? UV_FS_EVENT_RECURSIVE : 0;
    int err = uv_fs_event_start(&wrap->handle_, OnEvent, path.c_str(), flags);
    if (err == 0) {
      wrap->started_ = true;
      if (!args[1]->IsTrue()) uv_unref(reinterpret_cast<uv_handle_t*>(&wrap->handle_));
    }
    args.GetReturnValue().Set(err);
  }

  static void Initialized(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<FSEventWrap>(args.This());
    args.GetReturnValue().Set(wrap != nullptr && wrap->IsAlive() && wrap->started_);
  }

 private:
  static void OnEvent(uv_fs_event_t* handle, const char* filename, int events, int status) {
    auto* wrap = static_cast<FSEventWrap*>(static_cast<HandleWrap*>(handle->data));
    Realm* realm = wrap->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Context> context = realm->context();
    // A change and a rename in one callback is reported as a rename, as Node does.
    const char* event_type = (events & UV_RENAME) ? "rename" : "change";
    v8::Local<v8::Value> name = v8::Null(isolate);
    if (filename != nullptr) {
      v8::Local<v8::String> str;
      if (Utf8String(isolate, filename).ToLocal(&str)) name = str;
    }
    v8::Local<v8::Value> argv[3] = {v8::Integer::New(isolate, status),
                                    OneByteString(isolate, event_type), name};
    v8::Local<v8::Object> obj = wrap->object();
    v8::Local<v8::Value> onchange;
    if (!obj->Get(context, OneByteString(isolate, "onchange")).ToLocal(&onchange) ||
        !onchange->IsFunction()) {
      return;
    }
    (void)realm->MakeCallback(onchange.As<v8::Function>(), obj, 3, argv);
  }

  uv_fs_event_t handle_;
  bool started_ = false;
};

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, FSEventWrap::New);
  templ->SetClassName(OneByteString(isolate, "FSEvent"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "start", v8::FunctionTemplate::New(isolate, FSEventWrap::Start));
  proto->SetAccessorProperty(OneByteString(isolate, "initialized"),
                             v8::FunctionTemplate::New(isolate, FSEventWrap::Initialized));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("FSEvent", constructor);
  }
}

}  // namespace skua::fs_event_wrap

SKUA_BINDING(fs_event_wrap, Initialize)
