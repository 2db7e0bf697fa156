// `tcp_wrap`: the TCP handle behind net.Socket and net.Server, and TCPConnectWrap.
// JS creates `new TCP(constants.SOCKET | constants.SERVER)`; addresses are strings
// validated by stdlib, ports numbers; failures return a negative uv error.
#include <uv.h>

#include <string>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/connection_wrap.h"
#include "runtime/core/realm.h"

namespace skua::tcp_wrap {

namespace {

enum SocketType { kSocket = 0, kServer = 1 };

struct TcpState : BindingState {
  explicit TcpState(Realm*) {}
  v8::Global<v8::Function> constructor;
};

class TCPWrap : public ConnectionWrap<TCPWrap, uv_tcp_t> {
 public:
  TCPWrap(Realm* realm, v8::Local<v8::Object> object) : ConnectionWrap(realm, object) {
    int err = uv_tcp_init(realm->loop(), &handle_);
    CHECK(err == 0);  // uv_tcp_init fails only on an invalid address family.
  }

  static v8::MaybeLocal<v8::Object> Instantiate(Realm* realm) {
    v8::Isolate* isolate = realm->isolate();
    v8::Local<v8::Value> arg = v8::Integer::New(isolate, kSocket);
    return realm->binding_state<TcpState>()->constructor.Get(isolate)->NewInstance(
        realm->context(), 1, &arg);
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    new TCPWrap(Realm::From(args.GetIsolate()), args.This());
  }

  static TCPWrap* Get(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Unwrap<TCPWrap>(args.This());
    return wrap != nullptr && wrap->IsAlive() ? wrap : nullptr;
  }

  // open(fd)
  static void Open(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(uv_tcp_open(&wrap->handle_, args[0].As<v8::Int32>()->Value()));
  }

  // bind(address, port) / bind6(address, port, flags)
  template <bool kIPv6>
  static void Bind(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    sockaddr_storage addr;
    int err = ParseAddress<kIPv6>(args, &addr);
    unsigned int flags = kIPv6 ? args[2]->Uint32Value(args.GetIsolate()->GetCurrentContext())
                                     .FromMaybe(0)
                               : 0;
    if (err == 0) {
      err = uv_tcp_bind(&wrap->handle_, reinterpret_cast<sockaddr*>(&addr), flags);
    }
    args.GetReturnValue().Set(err);
  }

  // listen(backlog)
  static void Listen(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    int backlog = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(511);
    args.GetReturnValue().Set(
        uv_listen(wrap->stream(), backlog, OnConnection));
  }

  // connect(req, address, port) / connect6(req, address, port)
  template <bool kIPv6>
  static void Connect(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    CHECK(args[0]->IsObject());
    sockaddr_storage addr;
    int err = ParseAddress<kIPv6>(args, &addr, 1);
    if (err == 0) {
      auto* req = new ConnectWrap(wrap->realm(), args[0].As<v8::Object>());
      err = uv_tcp_connect(req->req(), &wrap->handle_, reinterpret_cast<sockaddr*>(&addr),
                           AfterConnect);
      if (err != 0) delete req;
    }
    args.GetReturnValue().Set(err);
  }

  // getsockname(out) / getpeername(out): fills { address, family, port }.
  template <int (*kFn)(const uv_tcp_t*, sockaddr*, int*)>
  static void GetName(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    CHECK(args[0]->IsObject());
    sockaddr_storage addr;
    int len = sizeof(addr);
    int err = kFn(&wrap->handle_, reinterpret_cast<sockaddr*>(&addr), &len);
    if (err == 0) err = FillAddress(args.GetIsolate(), args[0].As<v8::Object>(), addr);
    args.GetReturnValue().Set(err);
  }

  static void SetNoDelay(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(uv_tcp_nodelay(&wrap->handle_, args[0]->IsTrue()));
  }

  // setKeepAlive(enable, delaySeconds)
  static void SetKeepAlive(const v8::FunctionCallbackInfo<v8::Value>& args) {
    TCPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    unsigned int delay =
        args[1]->Uint32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
    args.GetReturnValue().Set(uv_tcp_keepalive(&wrap->handle_, args[0]->IsTrue(), delay));
  }

 private:
  template <bool kIPv6>
  static int ParseAddress(const v8::FunctionCallbackInfo<v8::Value>& args,
                          sockaddr_storage* addr, int first = 0) {
    v8::Isolate* isolate = args.GetIsolate();
    std::string host = ToUtf8(isolate, args[first]);
    int port = args[first + 1]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0);
    if (kIPv6) return uv_ip6_addr(host.c_str(), port, reinterpret_cast<sockaddr_in6*>(addr));
    return uv_ip4_addr(host.c_str(), port, reinterpret_cast<sockaddr_in*>(addr));
  }

  static int FillAddress(v8::Isolate* isolate, v8::Local<v8::Object> out,
                         const sockaddr_storage& addr) {
    char ip[INET6_ADDRSTRLEN];
    int port;
    const char* family;
    if (addr.ss_family == AF_INET6) {
      const auto* a6 = reinterpret_cast<const sockaddr_in6*>(&addr);
      uv_ip6_name(a6, ip, sizeof(ip));
      port = ntohs(a6->sin6_port);
      family = "IPv6";
    } else if (addr.ss_family == AF_INET) {
      const auto* a4 = reinterpret_cast<const sockaddr_in*>(&addr);
      uv_ip4_name(a4, ip, sizeof(ip));
      port = ntohs(a4->sin_port);
      family = "IPv4";
    } else {
      return UV_EINVAL;
    }
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    SetValue(context, out, "address", OneByteString(isolate, ip));
    SetValue(context, out, "family", OneByteString(isolate, family));
    SetValue(context, out, "port", v8::Integer::New(isolate, port));
    return 0;
  }
};

void NewConnectRequest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.This()->SetAlignedPointerInInternalField(0, nullptr);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, TCPWrap::New);
  templ->SetClassName(OneByteString(isolate, "TCP"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  LibuvStreamWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback callback) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
  };
  method("open", TCPWrap::Open);
  method("bind", TCPWrap::Bind<false>);
  method("bind6", TCPWrap::Bind<true>);
  method("listen", TCPWrap::Listen);
  method("connect", TCPWrap::Connect<false>);
  method("connect6", TCPWrap::Connect<true>);
  method("getsockname", TCPWrap::GetName<uv_tcp_getsockname>);
  method("getpeername", TCPWrap::GetName<uv_tcp_getpeername>);
  method("setNoDelay", TCPWrap::SetNoDelay);
  method("setKeepAlive", TCPWrap::SetKeepAlive);
  v8::Local<v8::Function> constructor;
  if (!templ->GetFunction(target.context).ToLocal(&constructor)) return;
  target.realm->binding_state<TcpState>()->constructor.Reset(isolate, constructor);
  target.Value("TCP", constructor);

  v8::Local<v8::FunctionTemplate> connect_templ =
      v8::FunctionTemplate::New(isolate, NewConnectRequest);
  connect_templ->SetClassName(OneByteString(isolate, "TCPConnectWrap"));
  connect_templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::Function> connect_constructor;
  if (connect_templ->GetFunction(target.context).ToLocal(&connect_constructor)) {
    target.Value("TCPConnectWrap", connect_constructor);
  }

  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetValue(target.context, constants, "SOCKET", v8::Integer::New(isolate, kSocket));
  SetValue(target.context, constants, "SERVER", v8::Integer::New(isolate, kServer));
  SetValue(target.context, constants, "UV_TCP_IPV6ONLY",
           v8::Integer::New(isolate, UV_TCP_IPV6ONLY));
  target.Value("constants", constants);
}

}  // namespace skua::tcp_wrap

SKUA_BINDING(tcp_wrap, Initialize)
