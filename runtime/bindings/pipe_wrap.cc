// `pipe_wrap`: the Pipe handle (Unix domain sockets, pipes such as a piped stdin/stdout)
// behind net.Socket/net.Server on a path, and PipeConnectWrap. JS creates
// `new Pipe(constants.SOCKET | SERVER | IPC)`; failures return a negative uv error.
#include <uv.h>

#include <string>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/connection_wrap.h"
#include "runtime/core/realm.h"

namespace skua::pipe_wrap {

namespace {

enum PipeType { kSocket = 0, kServer = 1, kIpc = 2 };

struct PipeState : BindingState {
  explicit PipeState(Realm*) {}
  v8::Global<v8::Function> constructor;
};

class PipeWrap : public ConnectionWrap<PipeWrap, uv_pipe_t> {
 public:
  PipeWrap(Realm* realm, v8::Local<v8::Object> object, bool ipc)
      : ConnectionWrap(realm, object) {
    int err = uv_pipe_init(realm->loop(), &handle_, ipc ? 1 : 0);
    CHECK(err == 0);  // uv_pipe_init cannot fail on Unix.
  }

  static v8::MaybeLocal<v8::Object> Instantiate(Realm* realm) {
    v8::Isolate* isolate = realm->isolate();
    v8::Local<v8::Value> arg = v8::Integer::New(isolate, kSocket);
    return realm->binding_state<PipeState>()->constructor.Get(isolate)->NewInstance(
        realm->context(), 1, &arg);
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    int type = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
    new PipeWrap(Realm::From(args.GetIsolate()), args.This(), type == kIpc);
  }

  static PipeWrap* Get(const v8::FunctionCallbackInfo<v8::Value>& args) {
    PipeWrap* wrap = Unwrap<PipeWrap>(args.This());
    return wrap != nullptr && wrap->IsAlive() ? wrap : nullptr;
  }

  // open(fd)
  static void Open(const v8::FunctionCallbackInfo<v8::Value>& args) {
    PipeWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(uv_pipe_open(&wrap->handle_, args[0].As<v8::Int32>()->Value()));
  }

  // bind(path)
  static void Bind(const v8::FunctionCallbackInfo<v8::Value>& args) {
    PipeWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    std::string path = ToUtf8(args.GetIsolate(), args[0]);
    args.GetReturnValue().Set(uv_pipe_bind(&wrap->handle_, path.c_str()));
  }

  // listen(backlog)
  static void Listen(const v8::FunctionCallbackInfo<v8::Value>& args) {
    PipeWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    int backlog = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(511);
    args.GetReturnValue().Set(uv_listen(wrap->stream(), backlog, OnConnection));
  }

  // connect(req, path): errors arrive through the request's oncomplete, as in libuv.
  static void Connect(const v8::FunctionCallbackInfo<v8::Value>& args) {
    PipeWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    CHECK(args[0]->IsObject());
    std::string path = ToUtf8(args.GetIsolate(), args[1]);
    auto* req = new ConnectWrap(wrap->realm(), args[0].As<v8::Object>());
    uv_pipe_connect(req->req(), &wrap->handle_, path.c_str(), AfterConnect);
    args.GetReturnValue().Set(0);
  }

  // acceptHandle(handle): moves the next descriptor received on this IPC pipe into a
  // new, unopened TCP, Pipe or UDP handle of the type onread reported.
  static void AcceptHandle(const v8::FunctionCallbackInfo<v8::Value>& args) {
    PipeWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    CHECK(args[0]->IsObject());
    auto* target = Unwrap<HandleWrap>(args[0].As<v8::Object>());
    if (target == nullptr || !target->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(
        uv_accept(wrap->stream(), reinterpret_cast<uv_stream_t*>(target->uv_handle())));
  }

  // fchmod(mode): UV_READABLE / UV_WRITABLE for a listening socket's file.
  static void Fchmod(const v8::FunctionCallbackInfo<v8::Value>& args) {
    PipeWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    int mode = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
    args.GetReturnValue().Set(uv_pipe_chmod(&wrap->handle_, mode));
  }
};

void NewConnectRequest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.This()->SetAlignedPointerInInternalField(0, nullptr);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, PipeWrap::New);
  templ->SetClassName(OneByteString(isolate, "Pipe"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  LibuvStreamWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback callback) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
  };
  method("open", PipeWrap::Open);
  method("bind", PipeWrap::Bind);
  method("listen", PipeWrap::Listen);
  method("connect", PipeWrap::Connect);
  method("fchmod", PipeWrap::Fchmod);
  method("acceptHandle", PipeWrap::AcceptHandle);
  v8::Local<v8::Function> constructor;
  if (!templ->GetFunction(target.context).ToLocal(&constructor)) return;
  target.realm->binding_state<PipeState>()->constructor.Reset(isolate, constructor);
  target.Value("Pipe", constructor);

  v8::Local<v8::FunctionTemplate> connect_templ =
      v8::FunctionTemplate::New(isolate, NewConnectRequest);
  connect_templ->SetClassName(OneByteString(isolate, "PipeConnectWrap"));
  connect_templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::Function> connect_constructor;
  if (connect_templ->GetFunction(target.context).ToLocal(&connect_constructor)) {
    target.Value("PipeConnectWrap", connect_constructor);
  }

  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetValue(target.context, constants, "SOCKET", v8::Integer::New(isolate, kSocket));
  SetValue(target.context, constants, "SERVER", v8::Integer::New(isolate, kServer));
  SetValue(target.context, constants, "IPC", v8::Integer::New(isolate, kIpc));
  SetValue(target.context, constants, "UV_READABLE", v8::Integer::New(isolate, UV_READABLE));
  SetValue(target.context, constants, "UV_WRITABLE", v8::Integer::New(isolate, UV_WRITABLE));
  target.Value("constants", constants);
}

}  // namespace skua::pipe_wrap

SKUA_BINDING(pipe_wrap, Initialize)
