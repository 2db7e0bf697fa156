// `errors`: the JS side of the uncaught-exception path (runtime/core/errors.h).
#include "runtime/core/errors.h"

#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::errors {

namespace {

// setFatalExceptionHandler(fn): fn(error, fromPromise) returns true when a listener
// handled the error; fn.format(error) returns the text to print when none did.
void SetFatalExceptionHandler(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm::From(args.GetIsolate())->set_fatal_exception_handler(args[0].As<v8::Function>());
}

// triggerUncaughtException(error, fromPromise): used by the unhandled-rejection code.
void TriggerUncaught(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  TriggerUncaughtException(Realm::From(isolate), args[0], v8::Local<v8::Message>(),
                           args[1]->IsTrue());
}

// Per-realm: the stdlib function that formats `error.stack`.
class StackTraceState : public BindingState {
 public:
  explicit StackTraceState(Realm* realm) {}
  v8::Global<v8::Function> prepare;
};

v8::MaybeLocal<v8::Value> PrepareStackTrace(v8::Local<v8::Context> context,
                                            v8::Local<v8::Value> error,
                                            v8::Local<v8::Array> sites) {
  v8::Isolate* isolate = context->GetIsolate();
  Realm* realm = Realm::From(context);
  StackTraceState* state = realm->binding_state<StackTraceState>();
  v8::Local<v8::Value> args[] = {context->Global(), error, sites};
  return state->prepare.Get(isolate)->Call(context, v8::Undefined(isolate), 3, args);
}

// setPrepareStackTraceCallback(fn): fn(globalThis, error, callSites) returns the text of
// `error.stack`. It honours a user's Error.prepareStackTrace, which V8 ignores once an
// embedder callback is installed, and adds Node's "[CODE]" to the headers of its errors
// without formatting the stack early (which would lose its source location).
void SetPrepareStackTraceCallback(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Realm::From(isolate)->binding_state<StackTraceState>()->prepare.Reset(
      isolate, args[0].As<v8::Function>());
  isolate->SetPrepareStackTraceCallback(PrepareStackTrace);
}

// setShouldAbortOnUncaught(bool).
void SetAbortToggle(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SetShouldAbortOnUncaught(Realm::From(args.GetIsolate()), args[0]->IsTrue());
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("setShouldAbortOnUncaught", SetAbortToggle);
  target.Method("setPrepareStackTraceCallback", SetPrepareStackTraceCallback);
  target.Method("setFatalExceptionHandler", SetFatalExceptionHandler);
  target.Method("triggerUncaughtException", TriggerUncaught);
}

}  // namespace skua::errors

SKUA_BINDING(errors, Initialize)
