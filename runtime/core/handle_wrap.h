// HandleWrap: a BaseObject that owns one libuv handle (timer, signal, TCP, pipe, TTY,
// process ...). JS gets close(callback), ref(), unref() and hasRef().
//
// Rules:
// - While the handle is open the JS object is held strongly (a live handle must not be
//   collected); close() starts uv_close, and the close callback calls JS `onclose`
//   through MakeCallback, then deletes this object.
// - Subclasses embed their uv_xxx_t and pass it as uv_handle_t* to the constructor; they
//   call into JS only through realm()->MakeCallback.
#ifndef SKUA_RUNTIME_CORE_HANDLE_WRAP_H_
#define SKUA_RUNTIME_CORE_HANDLE_WRAP_H_

#include <uv.h>

#include "runtime/core/base_object.h"

namespace skua {

class HandleWrap : public BaseObject {
 public:
  enum class State { kInitialized, kClosing, kClosed };

  // Adds close/ref/unref/hasRef to a class's prototype.
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ);

  void Close(v8::Local<v8::Value> close_callback = v8::Local<v8::Value>());
  bool IsAlive() const { return state_ == State::kInitialized; }
  uv_handle_t* uv_handle() const { return handle_; }

 protected:
  HandleWrap(Realm* realm, v8::Local<v8::Object> object, uv_handle_t* handle);
  ~HandleWrap() override = default;

 private:
  static void OnClose(uv_handle_t* handle);
  static void JsClose(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsRef(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsUnref(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsHasRef(const v8::FunctionCallbackInfo<v8::Value>& args);

  uv_handle_t* handle_;  // Lifetime: embedded in the subclass, which outlives it.
  State state_ = State::kInitialized;
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_HANDLE_WRAP_H_
