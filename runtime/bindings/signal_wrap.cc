// `signal_wrap`: the Signal handle behind process.on('SIGINT') and friends. JS creates a
// Signal, sets `onsignal(signum)` and calls start(signum); the handle is unref'd by the
// caller so that listening for a signal does not keep the process alive (as in Node).
#include <uv.h>

#include "runtime/core/binding.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/realm.h"

namespace skua::signal_wrap {

namespace {

class SignalWrap : public HandleWrap {
 public:
  SignalWrap(Realm* realm, v8::Local<v8::Object> object)
      : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(&handle_)) {
    uv_signal_init(realm->loop(), &handle_);
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    new SignalWrap(Realm::From(args.GetIsolate()), args.This());
  }

  // start(signum): 0 or a negative uv error.
  static void Start(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<SignalWrap>(args.This());
    if (wrap == nullptr) return;
    int signum = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
    args.GetReturnValue().Set(uv_signal_start(&wrap->handle_, OnSignal, signum));
  }

  static void Stop(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<SignalWrap>(args.This());
    if (wrap != nullptr) args.GetReturnValue().Set(uv_signal_stop(&wrap->handle_));
  }

 private:
  static void OnSignal(uv_signal_t* handle, int signum) {
    auto* wrap = static_cast<SignalWrap*>(handle->data);
    Realm* realm = wrap->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Value> onsignal;
    if (!wrap->object()->Get(realm->context(), OneByteString(isolate, "onsignal"))
             .ToLocal(&onsignal) ||
        !onsignal->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> arg = v8::Integer::New(isolate, signum);
    (void)realm->MakeCallback(onsignal.As<v8::Function>(), wrap->object(), 1, &arg);
  }

  uv_signal_t handle_;
};

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, SignalWrap::New);
  templ->SetClassName(OneByteString(isolate, "Signal"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, templ);
  templ->PrototypeTemplate()->Set(isolate, "start",
                                  v8::FunctionTemplate::New(isolate, SignalWrap::Start));
  templ->PrototypeTemplate()->Set(isolate, "stop",
                                  v8::FunctionTemplate::New(isolate, SignalWrap::Stop));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("Signal", constructor);
  }
}

}  // namespace skua::signal_wrap

SKUA_BINDING(signal_wrap, Initialize)
