// `tty_wrap`: the TTY handle behind tty.ReadStream/WriteStream (process.stdin/stdout
// on a terminal), and isTTY(fd). `new TTY(fd, ctx)` fills ctx when the descriptor is not
// a usable terminal; the object then has no handle and JS must not use it.
#include <uv.h>

#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/stream_base.h"
#include "runtime/core/uv_error.h"

namespace skua::tty_wrap {

namespace {

class TTYWrap : public LibuvStreamWrap {
 public:
  TTYWrap(Realm* realm, v8::Local<v8::Object> object)
      : LibuvStreamWrap(realm, object, reinterpret_cast<uv_stream_t*>(&handle_)) {}

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    v8::Isolate* isolate = args.GetIsolate();
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    int fd = args[0]->Int32Value(context).FromMaybe(-1);
    auto* wrap = new TTYWrap(Realm::From(isolate), args.This());
    int err = fd < 0 ? UV_EINVAL : uv_tty_init(wrap->realm()->loop(), &wrap->handle_, fd, 0);
    if (err != 0) {
      // libuv left the handle uninitialized: drop the C++ side without closing it.
      delete wrap;
      if (args[1]->IsObject()) FillUvError(context, args[1].As<v8::Object>(), err, "uv_tty_init");
    }
  }

  // getWindowSize(array): fills [columns, rows]; 0 or a negative uv error.
  static void GetWindowSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<TTYWrap>(args.This());
    if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
    int width = 0, height = 0;
    int err = uv_tty_get_winsize(&wrap->handle_, &width, &height);
    if (err == 0 && args[0]->IsArray()) {
      v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
      v8::Local<v8::Array> out = args[0].As<v8::Array>();
      if (out->Set(context, 0, v8::Integer::New(args.GetIsolate(), width)).IsNothing() ||
          out->Set(context, 1, v8::Integer::New(args.GetIsolate(), height)).IsNothing()) {
        return;
      }
    }
    args.GetReturnValue().Set(err);
  }

  // setRawMode(flag)
  static void SetRawMode(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<TTYWrap>(args.This());
    if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(
        uv_tty_set_mode(&wrap->handle_, args[0]->IsTrue() ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL));
  }

 private:
  uv_tty_t handle_;
};

void IsTTY(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int fd = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(-1);
  args.GetReturnValue().Set(fd >= 0 && uv_guess_handle(fd) == UV_TTY);
}

// Restores the terminal mode saved by the first setRawMode (at exit, as Node does).
void ResetMode(const v8::FunctionCallbackInfo<v8::Value>& args) { uv_tty_reset_mode(); }

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, TTYWrap::New);
  templ->SetClassName(OneByteString(isolate, "TTY"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  LibuvStreamWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "getWindowSize", v8::FunctionTemplate::New(isolate, TTYWrap::GetWindowSize));
  proto->Set(isolate, "setRawMode", v8::FunctionTemplate::New(isolate, TTYWrap::SetRawMode));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("TTY", constructor);
  }
  target.Method("isTTY", IsTTY);
  target.Method("resetMode", ResetMode);
}

}  // namespace skua::tty_wrap

SKUA_BINDING(tty_wrap, Initialize)
