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

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("setFatalExceptionHandler", SetFatalExceptionHandler);
  target.Method("triggerUncaughtException", TriggerUncaught);
}

}  // namespace skua::errors

SKUA_BINDING(errors, Initialize)
