// ConnectionWrap: what TCP and Pipe handles share on top of LibuvStreamWrap: accepting
// connections (JS `onconnection(status, clientHandle)`) and completing connects (the
// request's `oncomplete(status, handle, req, readable, writable)`).
//
// Rules:
// - `Wrap` provides `static v8::MaybeLocal<v8::Object> Instantiate(Realm*)`, a new JS
//   handle object of its class (a socket, not a server) to accept into.
// - A ConnectWrap lives from uv_*_connect until AfterConnect deletes it.
#ifndef SKUA_RUNTIME_CORE_CONNECTION_WRAP_H_
#define SKUA_RUNTIME_CORE_CONNECTION_WRAP_H_

#include <uv.h>

#include "runtime/core/req_wrap.h"
#include "runtime/core/stream_base.h"

namespace skua {

using ConnectWrap = ReqWrap<uv_connect_t>;

template <typename Wrap, typename UVType>
class ConnectionWrap : public LibuvStreamWrap {
 public:
  UVType* handle() { return &handle_; }

 protected:
  ConnectionWrap(Realm* realm, v8::Local<v8::Object> object)
      : LibuvStreamWrap(realm, object, reinterpret_cast<uv_stream_t*>(&handle_)) {}

  static void OnConnection(uv_stream_t* server, int status) {
    auto* wrap = static_cast<Wrap*>(static_cast<HandleWrap*>(server->data));
    Realm* realm = wrap->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(realm->context());
    v8::Local<v8::Value> argv[2] = {v8::Integer::New(isolate, status), v8::Undefined(isolate)};
    if (status == 0) {
      v8::Local<v8::Object> client_obj;
      if (!Wrap::Instantiate(realm).ToLocal(&client_obj)) return;
      auto* client = Unwrap<Wrap>(client_obj);
      int err = uv_accept(server, client->stream());
      if (err != 0) {
        client->Close();
        argv[0] = v8::Integer::New(isolate, err);
      } else {
        argv[1] = client_obj;
      }
    }
    v8::Local<v8::Object> obj = wrap->object();
    v8::Local<v8::Value> fn;
    if (!obj->Get(realm->context(), OneByteString(isolate, "onconnection")).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    (void)realm->MakeCallback(fn.As<v8::Function>(), obj, 2, argv);
  }

  static void AfterConnect(uv_connect_t* req, int status) {
    ConnectWrap* req_wrap = ConnectWrap::FromReq(req);
    auto* wrap = static_cast<HandleWrap*>(req->handle->data);
    v8::Isolate* isolate = req_wrap->realm()->isolate();
    v8::HandleScope scope(isolate);
    bool ok = status == 0;
    v8::Local<v8::Value> argv[5] = {v8::Integer::New(isolate, status), wrap->object(),
                                    req_wrap->object(), v8::Boolean::New(isolate, ok),
                                    v8::Boolean::New(isolate, ok)};
    req_wrap->CallOnComplete(5, argv);
    delete req_wrap;
  }

  UVType handle_;
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_CONNECTION_WRAP_H_
