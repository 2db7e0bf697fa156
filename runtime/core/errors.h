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

// Isolate hooks: exceptions escaping microtasks, promise rejection events, fatal V8 errors.
void InstallIsolateErrorHandlers(v8::Isolate* isolate);

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_ERRORS_H_
