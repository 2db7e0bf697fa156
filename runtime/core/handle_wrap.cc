// HandleWrap: closing, ref/unref and the close callback into JS.
#include "runtime/core/handle_wrap.h"

#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua {

HandleWrap::HandleWrap(Realm* realm, v8::Local<v8::Object> object, uv_handle_t* handle)
    : BaseObject(realm, object), handle_(handle) {
  handle_->data = this;
  ClearWeak();  // An open handle stays alive until closed.
}

void HandleWrap::Close(v8::Local<v8::Value> close_callback) {
  if (state_ != State::kInitialized) return;
  if (!close_callback.IsEmpty() && close_callback->IsFunction()) {
    v8::Local<v8::Context> context = realm()->context();
    if (object()
            ->Set(context, OneByteString(realm()->isolate(), "onclose"), close_callback)
            .IsNothing()) {
      return;
    }
  }
  state_ = State::kClosing;
  uv_close(handle_, OnClose);
}

void HandleWrap::OnClose(uv_handle_t* handle) {
  auto* wrap = static_cast<HandleWrap*>(handle->data);
  wrap->state_ = State::kClosed;
  Realm* realm = wrap->realm();
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Object> object = wrap->object();
  v8::Local<v8::Value> onclose;
  if (object->Get(realm->context(), OneByteString(isolate, "onclose")).ToLocal(&onclose) &&
      onclose->IsFunction()) {
    (void)realm->MakeCallback(onclose.As<v8::Function>(), object, 0, nullptr);
  }
  delete wrap;
}

void HandleWrap::AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ) {
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "close", v8::FunctionTemplate::New(isolate, JsClose));
  proto->Set(isolate, "ref", v8::FunctionTemplate::New(isolate, JsRef));
  proto->Set(isolate, "unref", v8::FunctionTemplate::New(isolate, JsUnref));
  proto->Set(isolate, "hasRef", v8::FunctionTemplate::New(isolate, JsHasRef));
}

void HandleWrap::JsClose(const v8::FunctionCallbackInfo<v8::Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  if (wrap != nullptr) wrap->Close(args[0]);
}

void HandleWrap::JsRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  if (wrap != nullptr && wrap->IsAlive()) uv_ref(wrap->handle_);
}

void HandleWrap::JsUnref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  if (wrap != nullptr && wrap->IsAlive()) uv_unref(wrap->handle_);
}

void HandleWrap::JsHasRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  if (wrap == nullptr) return;  // Freed after its close callback: undefined, as in Node.
  args.GetReturnValue().Set(wrap->IsAlive() && uv_has_ref(wrap->handle_));
}

}  // namespace skua
