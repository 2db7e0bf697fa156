// `cares_wrap`: name resolution for dns.lookup / dns.lookupService on libuv's thread pool
// (uv_getaddrinfo / uv_getnameinfo). JS sends a GetAddrInfoReqWrap / GetNameInfoReqWrap
// and gets `oncomplete(err, addresses)` / `oncomplete(err, hostname, service)`.
// The c-ares half (ChannelWrap: resolve*, reverse, Resolver) is in cares_wrap_channel.cc.
#include <netdb.h>
#include <uv.h>

#include <string>
#include <vector>

#include "base/check.h"
#include "runtime/bindings/cares_wrap_channel.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/req_wrap.h"

namespace skua::cares_wrap {

namespace {

enum Order { kVerbatim = 0, kIPv4First = 1, kIPv6First = 2 };

class GetAddrInfoReqWrap : public ReqWrap<uv_getaddrinfo_t> {
 public:
  GetAddrInfoReqWrap(Realm* realm, v8::Local<v8::Object> object, int order)
      : ReqWrap(realm, object), order_(order) {}
  int order() const { return order_; }

 private:
  int order_;
};

using GetNameInfoReqWrap = ReqWrap<uv_getnameinfo_t>;

void AfterGetAddrInfo(uv_getaddrinfo_t* req, int status, addrinfo* res) {
  auto* wrap = GetAddrInfoReqWrap::FromReq<GetAddrInfoReqWrap>(req);
  v8::Isolate* isolate = wrap->realm()->isolate();
  v8::HandleScope scope(isolate);
  // Verbatim keeps the resolver's order; otherwise one family goes first.
  std::vector<v8::Local<v8::Value>> all, v4, v6;
  for (addrinfo* p = res; status == 0 && p != nullptr; p = p->ai_next) {
    char ip[INET6_ADDRSTRLEN];
    if (p->ai_family == AF_INET) {
      uv_ip4_name(reinterpret_cast<sockaddr_in*>(p->ai_addr), ip, sizeof(ip));
    } else if (p->ai_family == AF_INET6) {
      uv_ip6_name(reinterpret_cast<sockaddr_in6*>(p->ai_addr), ip, sizeof(ip));
    } else {
      continue;
    }
    v8::Local<v8::Value> name = OneByteString(isolate, ip);
    if (wrap->order() == kVerbatim) all.push_back(name);
    else (p->ai_family == AF_INET ? v4 : v6).push_back(name);
  }
  uv_freeaddrinfo(res);
  const auto& first = wrap->order() == kIPv6First ? v6 : v4;
  const auto& second = wrap->order() == kIPv6First ? v4 : v6;
  all.insert(all.end(), first.begin(), first.end());
  all.insert(all.end(), second.begin(), second.end());
  if (status == 0 && all.empty()) status = UV_EAI_NODATA;
  v8::Local<v8::Value> argv[2] = {v8::Integer::New(isolate, status),
                                  v8::Array::New(isolate, all.data(), all.size())};
  wrap->CallOnComplete(2, argv);
  delete wrap;
}

// getaddrinfo(req, hostname, family, hints, order): 0 or a negative uv error.
void GetAddrInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsObject() && args[1]->IsString());
  std::string hostname = ToUtf8(isolate, args[1]);
  int family = args[2]->Int32Value(context).FromMaybe(0);
  addrinfo hints{};
  hints.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = args[3]->Int32Value(context).FromMaybe(0);
  int order = args[4]->Int32Value(context).FromMaybe(kVerbatim);
  auto* wrap = new GetAddrInfoReqWrap(Realm::From(isolate), args[0].As<v8::Object>(), order);
  int err = uv_getaddrinfo(wrap->realm()->loop(), wrap->req(), AfterGetAddrInfo,
                           hostname.c_str(), nullptr, &hints);
  if (err != 0) delete wrap;
  args.GetReturnValue().Set(err);
}

void AfterGetNameInfo(uv_getnameinfo_t* req, int status, const char* hostname,
                      const char* service) {
  auto* wrap = GetNameInfoReqWrap::FromReq(req);
  v8::Isolate* isolate = wrap->realm()->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Value> argv[3] = {v8::Integer::New(isolate, status), v8::Undefined(isolate),
                                  v8::Undefined(isolate)};
  v8::Local<v8::String> host, serv;
  if (status == 0 && Utf8String(isolate, hostname).ToLocal(&host) &&
      Utf8String(isolate, service).ToLocal(&serv)) {
    argv[1] = host;
    argv[2] = serv;
  }
  wrap->CallOnComplete(3, argv);
  delete wrap;
}

// getnameinfo(req, ip, port): 0 or a negative uv error.
void GetNameInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CHECK(args[0]->IsObject() && args[1]->IsString());
  std::string ip = ToUtf8(isolate, args[1]);
  int port = args[2]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0);
  sockaddr_storage addr;
  if (uv_ip4_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in*>(&addr)) != 0 &&
      uv_ip6_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in6*>(&addr)) != 0) {
    return args.GetReturnValue().Set(UV_EINVAL);
  }
  auto* wrap = new GetNameInfoReqWrap(Realm::From(isolate), args[0].As<v8::Object>());
  int err = uv_getnameinfo(wrap->realm()->loop(), wrap->req(), AfterGetNameInfo,
                           reinterpret_cast<sockaddr*>(&addr), NI_NAMEREQD);
  if (err != 0) delete wrap;
  args.GetReturnValue().Set(err);
}

void NewRequest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.This()->SetAlignedPointerInInternalField(0, nullptr);
}

void AddRequestClass(BindingTarget& target, const char* name) {
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(target.isolate, NewRequest);
  templ->SetClassName(OneByteString(target.isolate, name));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value(name, constructor);
  }
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  AddRequestClass(target, "GetAddrInfoReqWrap");
  AddRequestClass(target, "GetNameInfoReqWrap");
  AddRequestClass(target, "QueryReqWrap");
  InitializeChannel(target);
  target.Method("getaddrinfo", GetAddrInfo);
  target.Method("getnameinfo", GetNameInfo);
  target.Value("AI_ADDRCONFIG", v8::Integer::New(isolate, AI_ADDRCONFIG));
  target.Value("AI_ALL", v8::Integer::New(isolate, AI_ALL));
  target.Value("AI_V4MAPPED", v8::Integer::New(isolate, AI_V4MAPPED));
  target.Value("DNS_ORDER_VERBATIM", v8::Integer::New(isolate, kVerbatim));
  target.Value("DNS_ORDER_IPV4_FIRST", v8::Integer::New(isolate, kIPv4First));
  target.Value("DNS_ORDER_IPV6_FIRST", v8::Integer::New(isolate, kIPv6First));
}

}  // namespace skua::cares_wrap

SKUA_BINDING(cares_wrap, Initialize)
