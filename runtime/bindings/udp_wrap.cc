// `udp_wrap`: the UDP handle behind dgram.Socket, and SendWrap, its send request.
// stdlib validates every argument and resolves host names first; here addresses are IP
// strings, ports numbers, and failures come back as negative uv errors. Received
// datagrams reach JS as `onmessage(nread, handle, arrayBuffer, rinfo)`.
#include <uv.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/realm.h"
#include "runtime/core/req_wrap.h"
#include "runtime/core/uv_error.h"

namespace skua::udp_wrap {

namespace {

void FreeBacking(void* data, size_t, void*) { free(data); }

int ParseAddress(v8::Isolate* isolate, v8::Local<v8::Value> host_value,
                 v8::Local<v8::Value> port_value, bool ipv6, sockaddr_storage* addr) {
  std::string host = ToUtf8(isolate, host_value);
  int port = port_value->Int32Value(isolate->GetCurrentContext()).FromMaybe(0);
  if (ipv6) return uv_ip6_addr(host.c_str(), port, reinterpret_cast<sockaddr_in6*>(addr));
  return uv_ip4_addr(host.c_str(), port, reinterpret_cast<sockaddr_in*>(addr));
}

// Writes { address, family, port } of `addr` into `out`.
int FillAddress(v8::Local<v8::Context> context, v8::Local<v8::Object> out,
                const sockaddr* addr) {
  v8::Isolate* isolate = context->GetIsolate();
  char ip[INET6_ADDRSTRLEN] = "";
  int port;
  const char* family;
  if (addr->sa_family == AF_INET6) {
    const auto* a6 = reinterpret_cast<const sockaddr_in6*>(addr);
    uv_ip6_name(a6, ip, sizeof(ip));
    port = ntohs(a6->sin6_port);
    family = "IPv6";
    // Link-local peers carry their interface, as Node shows them: fe80::1%eth0.
    if (a6->sin6_scope_id != 0) {
      char scope[UV_IF_NAMESIZE];
      size_t scope_len = sizeof(scope);
      if (uv_if_indextoname(a6->sin6_scope_id, scope, &scope_len) == 0) {
        std::string with_scope = std::string(ip) + "%" + scope;
        v8::Local<v8::String> address;
        if (!Utf8String(isolate, with_scope).ToLocal(&address)) return UV_ENOMEM;
        SetValue(context, out, "address", address);
        SetValue(context, out, "family", OneByteString(isolate, family));
        SetValue(context, out, "port", v8::Integer::New(isolate, port));
        return 0;
      }
    }
  } else if (addr->sa_family == AF_INET) {
    const auto* a4 = reinterpret_cast<const sockaddr_in*>(addr);
    uv_ip4_name(a4, ip, sizeof(ip));
    port = ntohs(a4->sin_port);
    family = "IPv4";
  } else {
    return UV_EINVAL;
  }
  SetValue(context, out, "address", OneByteString(isolate, ip));
  SetValue(context, out, "family", OneByteString(isolate, family));
  SetValue(context, out, "port", v8::Integer::New(isolate, port));
  return 0;
}

// A pending uv_udp_send. The JS request object keeps the sent buffers (`req.buffer`), so
// their bytes stay put until completion.
class SendWrap : public ReqWrap<uv_udp_send_t> {
 public:
  SendWrap(Realm* realm, v8::Local<v8::Object> object, size_t size)
      : ReqWrap(realm, object), size_(size) {}
  size_t size() const { return size_; }

 private:
  size_t size_;
};

class UDPWrap : public HandleWrap {
 public:
  UDPWrap(Realm* realm, v8::Local<v8::Object> object)
      : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(&handle_)) {
    int err = uv_udp_init(realm->loop(), &handle_);
    CHECK(err == 0);  // uv_udp_init fails only for a bad address family.
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    new UDPWrap(Realm::From(args.GetIsolate()), args.This());
  }

  static UDPWrap* Get(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Unwrap<UDPWrap>(args.This());
    return wrap != nullptr && wrap->IsAlive() ? wrap : nullptr;
  }

  // open(fd)
  static void Open(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(uv_udp_open(&wrap->handle_, args[0].As<v8::Int32>()->Value()));
  }

  // bind(address, port, flags) / bind6(address, port, flags)
  template <bool kIPv6>
  static void Bind(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    sockaddr_storage addr;
    int err = ParseAddress(args.GetIsolate(), args[0], args[1], kIPv6, &addr);
    unsigned int flags =
        args[2]->Uint32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
    if (err == 0) err = uv_udp_bind(&wrap->handle_, reinterpret_cast<sockaddr*>(&addr), flags);
    args.GetReturnValue().Set(err);
  }

  // connect(address, port) / connect6(address, port)
  template <bool kIPv6>
  static void Connect(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    sockaddr_storage addr;
    int err = ParseAddress(args.GetIsolate(), args[0], args[1], kIPv6, &addr);
    if (err == 0) err = uv_udp_connect(&wrap->handle_, reinterpret_cast<sockaddr*>(&addr));
    args.GetReturnValue().Set(err);
  }

  static void Disconnect(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(uv_udp_connect(&wrap->handle_, nullptr));
  }

  // send(req, list, count, port, address) / send6(...), or send(req, list, count) on a
  // connected socket. Returns a negative error, 0 when the request is pending (its
  // oncomplete(status, bytes) follows), or bytes + 1 when the datagram left at once.
  template <bool kIPv6>
  static void Send(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    v8::Isolate* isolate = args.GetIsolate();
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    CHECK(args[0]->IsObject() && args[1]->IsArray());
    v8::Local<v8::Array> list = args[1].As<v8::Array>();
    uint32_t count = args[2]->Uint32Value(context).FromMaybe(0);
    std::vector<uv_buf_t> bufs(count);
    size_t total = 0;
    for (uint32_t i = 0; i < count; i++) {
      v8::Local<v8::Value> chunk;
      if (!list->Get(context, i).ToLocal(&chunk)) return;
      CHECK(chunk->IsArrayBufferView());
      v8::Local<v8::ArrayBufferView> view = chunk.As<v8::ArrayBufferView>();
      // Lifetime: the views stay referenced by the JS request until it completes.
      bufs[i] = uv_buf_init(static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset(),
                            static_cast<unsigned int>(view->ByteLength()));
      total += view->ByteLength();
    }
    sockaddr_storage addr_storage;
    const sockaddr* addr = nullptr;
    if (args[3]->IsNumber()) {
      int err = ParseAddress(isolate, args[4], args[3], kIPv6, &addr_storage);
      if (err != 0) return args.GetReturnValue().Set(err);
      addr = reinterpret_cast<const sockaddr*>(&addr_storage);
    }
    // Try a synchronous send first (Node does the same); fall back to a request.
    int err = uv_udp_try_send(&wrap->handle_, bufs.data(), count, addr);
    if (err >= 0 && static_cast<size_t>(err) == total) {
      return args.GetReturnValue().Set(static_cast<double>(total) + 1);
    }
    if (err >= 0 || err == UV_EAGAIN || err == UV_ENOSYS) {
      auto* req = new SendWrap(wrap->realm(), args[0].As<v8::Object>(), total);
      err = uv_udp_send(req->req(), &wrap->handle_, bufs.data(), count, addr, OnSend);
      if (err != 0) delete req;
    }
    args.GetReturnValue().Set(err);
  }

  static void RecvStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    int err = uv_udp_recv_start(&wrap->handle_, OnAlloc, OnRecv);
    if (err == UV_EALREADY) err = 0;  // Receiving already: not an error for JS.
    args.GetReturnValue().Set(err);
  }

  static void RecvStop(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    args.GetReturnValue().Set(uv_udp_recv_stop(&wrap->handle_));
  }

  // getsockname(out) / getpeername(out)
  template <int (*kFn)(const uv_udp_t*, sockaddr*, int*)>
  static void GetName(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    CHECK(args[0]->IsObject());
    sockaddr_storage addr;
    int len = sizeof(addr);
    int err = kFn(&wrap->handle_, reinterpret_cast<sockaddr*>(&addr), &len);
    if (err == 0) {
      err = FillAddress(args.GetIsolate()->GetCurrentContext(), args[0].As<v8::Object>(),
                        reinterpret_cast<sockaddr*>(&addr));
    }
    args.GetReturnValue().Set(err);
  }

  // addMembership(group, iface?) / dropMembership(group, iface?)
  template <uv_membership kMembership>
  static void Membership(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    std::string group = ToUtf8(args.GetIsolate(), args[0]);
    std::string iface = ToUtf8(args.GetIsolate(), args[1]);
    args.GetReturnValue().Set(uv_udp_set_membership(
        &wrap->handle_, group.c_str(), args[1]->IsString() ? iface.c_str() : nullptr,
        kMembership));
  }

  // addSourceSpecificMembership(source, group, iface?) and its drop form.
  template <uv_membership kMembership>
  static void SourceMembership(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    v8::Isolate* isolate = args.GetIsolate();
    std::string source = ToUtf8(isolate, args[0]);
    std::string group = ToUtf8(isolate, args[1]);
    std::string iface = ToUtf8(isolate, args[2]);
    args.GetReturnValue().Set(uv_udp_set_source_membership(
        &wrap->handle_, group.c_str(), args[2]->IsString() ? iface.c_str() : nullptr,
        source.c_str(), kMembership));
  }

  static void SetMulticastInterface(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    std::string iface = ToUtf8(args.GetIsolate(), args[0]);
    args.GetReturnValue().Set(uv_udp_set_multicast_interface(&wrap->handle_, iface.c_str()));
  }

  // setTTL(n), setMulticastTTL(n), setBroadcast(on), setMulticastLoopback(on).
  template <int (*kFn)(uv_udp_t*, int)>
  static void SetInt(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
    int value = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
    args.GetReturnValue().Set(kFn(&wrap->handle_, value));
  }

  // bufferSize(size, isRecv, ctx): sets the size when `size` > 0 and returns the
  // current one; on failure fills ctx and returns undefined.
  static void BufferSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    bool is_recv = args[1]->IsTrue();
    const char* syscall = is_recv ? "uv_recv_buffer_size" : "uv_send_buffer_size";
    UDPWrap* wrap = Get(args);
    CHECK(args[2]->IsObject());
    if (wrap == nullptr) {
      FillUvError(context, args[2].As<v8::Object>(), UV_EBADF, syscall);
      return;
    }
    int size = static_cast<int>(args[0]->Uint32Value(context).FromMaybe(0));
    auto* handle = reinterpret_cast<uv_handle_t*>(&wrap->handle_);
    int err = is_recv ? uv_recv_buffer_size(handle, &size) : uv_send_buffer_size(handle, &size);
    if (err != 0) {
      FillUvError(context, args[2].As<v8::Object>(), err, syscall);
      return;
    }
    args.GetReturnValue().Set(size);
  }

  static void GetSendQueueSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    size_t size = wrap == nullptr ? 0 : uv_udp_get_send_queue_size(&wrap->handle_);
    args.GetReturnValue().Set(static_cast<double>(size));
  }

  static void GetSendQueueCount(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    size_t count = wrap == nullptr ? 0 : uv_udp_get_send_queue_count(&wrap->handle_);
    args.GetReturnValue().Set(static_cast<double>(count));
  }

  static void Fd(const v8::FunctionCallbackInfo<v8::Value>& args) {
    UDPWrap* wrap = Get(args);
    uv_os_fd_t fd = -1;
    if (wrap != nullptr) uv_fileno(reinterpret_cast<uv_handle_t*>(&wrap->handle_), &fd);
    args.GetReturnValue().Set(fd);
  }

 private:
  static void OnSend(uv_udp_send_t* uv_req, int status) {
    auto* req = SendWrap::FromReq<SendWrap>(uv_req);
    Realm* realm = req->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Value> argv[2] = {
        v8::Integer::New(isolate, status),
        v8::Number::New(isolate, static_cast<double>(req->size()))};
    req->CallOnComplete(2, argv);
    delete req;
  }

  static void OnAlloc(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
    // Plain malloc: on success the bytes become the ArrayBuffer handed to JS.
    buf->base = static_cast<char*>(malloc(suggested));
    buf->len = buf->base == nullptr ? 0 : suggested;
  }

  static void OnRecv(uv_udp_t* handle, ssize_t nread, const uv_buf_t* buf,
                     const sockaddr* addr, unsigned int flags) {
    auto* wrap = static_cast<UDPWrap*>(static_cast<HandleWrap*>(handle->data));
    if (nread == 0 && addr == nullptr) {  // Nothing more to read for now.
      free(buf->base);
      return;
    }
    Realm* realm = wrap->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Context> context = realm->context();
    v8::Local<v8::Object> obj = wrap->object();
    v8::Local<v8::Value> argv[4] = {v8::Number::New(isolate, static_cast<double>(nread)), obj,
                                    v8::Undefined(isolate), v8::Undefined(isolate)};
    if (nread < 0) {
      free(buf->base);
    } else {
      void* data = nread > 0 ? realloc(buf->base, nread) : nullptr;
      if (data == nullptr) data = buf->base;
      std::unique_ptr<v8::BackingStore> store =
          v8::ArrayBuffer::NewBackingStore(data, nread, FreeBacking, nullptr);
      argv[2] = v8::ArrayBuffer::New(isolate, std::move(store));
      v8::Local<v8::Object> rinfo = v8::Object::New(isolate);
      FillAddress(context, rinfo, addr);
      argv[3] = rinfo;
    }
    v8::Local<v8::Value> onmessage;
    if (!obj->Get(context, OneByteString(isolate, "onmessage")).ToLocal(&onmessage) ||
        !onmessage->IsFunction()) {
      return;
    }
    (void)realm->MakeCallback(onmessage.As<v8::Function>(), obj, 4, argv);
  }

  uv_udp_t handle_;
};

void NewSendWrap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.This()->SetAlignedPointerInInternalField(0, nullptr);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, UDPWrap::New);
  templ->SetClassName(OneByteString(isolate, "UDP"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback callback) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
  };
  method("open", UDPWrap::Open);
  method("bind", UDPWrap::Bind<false>);
  method("bind6", UDPWrap::Bind<true>);
  method("connect", UDPWrap::Connect<false>);
  method("connect6", UDPWrap::Connect<true>);
  method("disconnect", UDPWrap::Disconnect);
  method("send", UDPWrap::Send<false>);
  method("send6", UDPWrap::Send<true>);
  method("recvStart", UDPWrap::RecvStart);
  method("recvStop", UDPWrap::RecvStop);
  method("getsockname", UDPWrap::GetName<uv_udp_getsockname>);
  method("getpeername", UDPWrap::GetName<uv_udp_getpeername>);
  method("addMembership", UDPWrap::Membership<UV_JOIN_GROUP>);
  method("dropMembership", UDPWrap::Membership<UV_LEAVE_GROUP>);
  method("addSourceSpecificMembership", UDPWrap::SourceMembership<UV_JOIN_GROUP>);
  method("dropSourceSpecificMembership", UDPWrap::SourceMembership<UV_LEAVE_GROUP>);
  method("setMulticastInterface", UDPWrap::SetMulticastInterface);
  method("setMulticastTTL", UDPWrap::SetInt<uv_udp_set_multicast_ttl>);
  method("setMulticastLoopback", UDPWrap::SetInt<uv_udp_set_multicast_loop>);
  method("setBroadcast", UDPWrap::SetInt<uv_udp_set_broadcast>);
  method("setTTL", UDPWrap::SetInt<uv_udp_set_ttl>);
  method("bufferSize", UDPWrap::BufferSize);
  method("getSendQueueSize", UDPWrap::GetSendQueueSize);
  method("getSendQueueCount", UDPWrap::GetSendQueueCount);
  method("getFd", UDPWrap::Fd);
  v8::Local<v8::Function> constructor;
  if (!templ->GetFunction(target.context).ToLocal(&constructor)) return;
  target.Value("UDP", constructor);

  v8::Local<v8::FunctionTemplate> send_templ = v8::FunctionTemplate::New(isolate, NewSendWrap);
  send_templ->SetClassName(OneByteString(isolate, "SendWrap"));
  send_templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::Function> send_constructor;
  if (!send_templ->GetFunction(target.context).ToLocal(&send_constructor)) return;
  target.Value("SendWrap", send_constructor);

  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  SetValue(target.context, constants, "UV_UDP_IPV6ONLY",
           v8::Integer::New(isolate, UV_UDP_IPV6ONLY));
  SetValue(target.context, constants, "UV_UDP_REUSEADDR",
           v8::Integer::New(isolate, UV_UDP_REUSEADDR));
  target.Value("constants", constants);
}

}  // namespace skua::udp_wrap

SKUA_BINDING(udp_wrap, Initialize)
