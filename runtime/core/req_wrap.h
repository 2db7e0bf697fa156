// ReqWrap<T>: a BaseObject that owns one in-flight libuv request (uv_connect_t,
// uv_write_t, uv_shutdown_t, uv_getaddrinfo_t ...) on behalf of a JS request object.
//
// Rules:
// - Created by the binding function that dispatches the request, attached to the JS
//   request object the caller passed in (its internal field 0).
// - Holds the JS object strongly while the request is pending; whoever completes the
//   request calls MakeCallback (JS `oncomplete`) and then deletes the ReqWrap. If libuv
//   refuses the request, the dispatcher deletes it at once.
// - req()->data points at this object; FromReq recovers it in the libuv callback.
#ifndef SKUA_RUNTIME_CORE_REQ_WRAP_H_
#define SKUA_RUNTIME_CORE_REQ_WRAP_H_

#include <uv.h>

#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua {

template <typename T>
class ReqWrap : public BaseObject {
 public:
  ReqWrap(Realm* realm, v8::Local<v8::Object> object) : BaseObject(realm, object) {
    req_.data = this;
    ClearWeak();  // A pending request keeps its JS object (and what it references) alive.
  }

  T* req() { return &req_; }

  template <typename Wrap = ReqWrap<T>>
  static Wrap* FromReq(T* req) {
    return static_cast<Wrap*>(static_cast<ReqWrap<T>*>(req->data));
  }

  // Calls the JS object's `oncomplete(argv...)`; a missing oncomplete is ignored.
  void CallOnComplete(int argc, v8::Local<v8::Value>* argv) {
    v8::Isolate* isolate = realm()->isolate();
    v8::Local<v8::Object> obj = object();
    v8::Local<v8::Value> fn;
    if (!obj->Get(realm()->context(), OneByteString(isolate, "oncomplete")).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    (void)realm()->MakeCallback(fn.As<v8::Function>(), obj, argc, argv);
  }

 private:
  T req_;
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_REQ_WRAP_H_
