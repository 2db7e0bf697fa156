// The uncaught-exception path: every JS exception that nothing caught (from a callback,
// a microtask, or an unhandled rejection in "throw" mode) ends here. stdlib's handler
// decides whether a listener handled it; if not, the error is printed in Node's format
// (location, source line, caret, inspected error, "Node.js vX") and the process exits.
#ifndef SKUA_RUNTIME_CORE_ERRORS_H_
#define SKUA_RUNTIME_CORE_ERRORS_H_

#include "v8.h"

namespace skua {

class Realm;

void TriggerUncaughtException(Realm* realm, const v8::TryCatch& try_catch);
void TriggerUncaughtException(Realm* realm, v8::Local<v8::Value> error,
                              v8::Local<v8::Message> message, bool from_promise);

// --abort-on-uncaught-exception: V8 aborts at the throw of an exception that no JS
// handler catches, unless the realm says not to. stdlib clears the flag while a capture
// callback or a domain would take the exception (internal/process/execution.js).
void SetShouldAbortOnUncaught(Realm* realm, bool value);

// Held by C++ that catches an exception only to decorate and rethrow it (compiling user
// code): V8 counts such a v8::TryCatch as the catcher and would otherwise abort. Node has
// the same scope.
class ShouldNotAbortOnUncaughtScope {
 public:
  explicit ShouldNotAbortOnUncaughtScope(Realm* realm);
  ~ShouldNotAbortOnUncaughtScope();
  ShouldNotAbortOnUncaughtScope(const ShouldNotAbortOnUncaughtScope&) = delete;
  ShouldNotAbortOnUncaughtScope& operator=(const ShouldNotAbortOnUncaughtScope&) = delete;

 private:
  Realm* realm_;
};

// Isolate hooks: exceptions escaping microtasks, promise rejection events, fatal V8 errors.
void InstallIsolateErrorHandlers(v8::Isolate* isolate);

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_ERRORS_H_
