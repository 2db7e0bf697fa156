// ContextifyContext: the V8 context behind a vm "contextified" object (the sandbox).
// The new context's global object forwards property access to the sandbox through
// interceptors, so code run in the context sees the sandbox's properties as globals
// and its global declarations land on the sandbox.
//
// Rules (lifetime):
// - The sandbox holds a private reference to a holder object created in the context,
//   which keeps the context alive; the context keeps the sandbox alive through its
//   embedder data. Neither is a strong root, so both are collected together.
// - The C++ object holds both weakly and is deleted when the context is collected;
//   no interceptor can run after that.
// - A context made with its own microtask queue (microtaskMode 'afterEvaluate') owns it
//   here; V8 drops its reference when the context is collected, just before the delete.
#ifndef SKUA_RUNTIME_BINDINGS_CONTEXTIFY_CONTEXT_H_
#define SKUA_RUNTIME_BINDINGS_CONTEXTIFY_CONTEXT_H_

#include <memory>

#include "v8.h"

namespace skua {
class Realm;
}

namespace skua::contextify {

class ContextifyContext {
 public:
  // Contextifies `sandbox`; empty (with an exception pending) on failure.
  static v8::MaybeLocal<v8::Context> New(Realm* realm, v8::Local<v8::Object> sandbox,
                                         bool allow_code_gen_strings, bool allow_code_gen_wasm,
                                         bool own_microtask_queue);
  static bool IsContextified(v8::Isolate* isolate, v8::Local<v8::Object> sandbox);
  // The context of a contextified sandbox; empty when `sandbox` is not one.
  static v8::MaybeLocal<v8::Context> FromSandbox(v8::Isolate* isolate,
                                                 v8::Local<v8::Object> sandbox);
  // The ContextifyContext of a vm context; nullptr for any other context.
  static ContextifyContext* FromContext(v8::Local<v8::Context> context);
  // V8's AllowWasmCodeGenerationCallback: honours codeGeneration.wasm of vm contexts.
  static bool AllowWasmCodeGeneration(v8::Local<v8::Context> context,
                                      v8::Local<v8::String> source);

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  v8::Local<v8::Object> sandbox() const { return sandbox_.Get(isolate_); }
  v8::Local<v8::Object> global_proxy() const { return context()->Global(); }
  // Null unless the context was made with its own microtask queue.
  v8::MicrotaskQueue* microtask_queue() const { return microtask_queue_.get(); }

 private:
  explicit ContextifyContext(v8::Isolate* isolate) : isolate_(isolate) {}
  static void OnContextCollected(const v8::WeakCallbackInfo<ContextifyContext>& info);

  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;  // Weak.
  v8::Global<v8::Object> sandbox_;   // Weak; the context holds it strongly.
  std::unique_ptr<v8::MicrotaskQueue> microtask_queue_;
  bool allow_code_gen_wasm_ = true;
};

}  // namespace skua::contextify

#endif  // SKUA_RUNTIME_BINDINGS_CONTEXTIFY_CONTEXT_H_
