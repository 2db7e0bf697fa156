// Uncaught exceptions and fatal errors, reported the way Node 20 reports them.
#include "runtime/core/errors.h"

#include <cstdio>
#include <string>

#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"
#include "runtime/core/version.h"

namespace skua {

namespace {

// "file:line\nsource line\n   ^^^\n" for the place the exception came from, as Node
// prints it before the error itself.
std::string SourceContext(v8::Isolate* isolate, v8::Local<v8::Context> context,
                          v8::Local<v8::Message> message) {
  if (message.IsEmpty()) return "";
  std::string resource = ToUtf8(isolate, message->GetScriptResourceName());
  int line = message->GetLineNumber(context).FromMaybe(0);
  v8::Local<v8::String> source_line;
  if (resource.empty() || line == 0 || !message->GetSourceLine(context).ToLocal(&source_line)) {
    return "";
  }
  std::string text = ToUtf8(isolate, source_line);
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  std::string out = resource + ":" + std::to_string(line) + "\n" + text + "\n";
  // Keep tabs so the caret lines up under tab-indented source.
  for (int i = 0; i < start && i < static_cast<int>(text.size()); i++) {
    out += text[i] == '\t' ? '\t' : ' ';
  }
  for (int i = start; i < end; i++) out += '^';
  if (end <= start) out += '^';
  return out + "\n";
}

// The text around the source context: stdlib's formatter returns [before, after] (it
// inspects the error as Node does); without it (a bootstrap failure) the error's `stack`.
struct ErrorText {
  std::string before;
  std::string after;
};

ErrorText FormatError(Realm* realm, v8::Local<v8::Value> error) {
  v8::Isolate* isolate = realm->isolate();
  v8::Local<v8::Context> context = realm->context();
  v8::Local<v8::Function> handler = realm->fatal_exception_handler();
  if (!handler.IsEmpty()) {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> formatter;
    v8::Local<v8::Value> parts;
    v8::Local<v8::Value> before;
    v8::Local<v8::Value> after;
    if (handler->Get(context, OneByteString(isolate, "format")).ToLocal(&formatter) &&
        formatter->IsFunction() &&
        formatter.As<v8::Function>()->Call(context, handler, 1, &error).ToLocal(&parts) &&
        parts->IsArray() && parts.As<v8::Array>()->Get(context, 0).ToLocal(&before) &&
        parts.As<v8::Array>()->Get(context, 1).ToLocal(&after)) {
      return {ToUtf8(isolate, before), ToUtf8(isolate, after)};
    }
  }
  if (error->IsObject()) {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> stack;
    if (error.As<v8::Object>()->Get(context, OneByteString(isolate, "stack")).ToLocal(&stack) &&
        stack->IsString()) {
      return {"", "\n" + ToUtf8(isolate, stack)};
    }
  }
  return {"\n", ToUtf8(isolate, error)};
}

void PrintFatalException(Realm* realm, v8::Local<v8::Value> error,
                         v8::Local<v8::Message> message) {
  ErrorText text = FormatError(realm, error);
  std::string report = text.before;
  // node:vm (contextify.cc) may have put the source context into the stack already.
  v8::Isolate* isolate = realm->isolate();
  v8::Local<v8::Private> decorated =
      v8::Private::ForApi(isolate, OneByteString(isolate, "skua:decorated_error"));
  if (!error->IsObject() ||
      !error.As<v8::Object>()->HasPrivate(realm->context(), decorated).FromMaybe(false)) {
    report += SourceContext(realm->isolate(), realm->context(), message);
  } else if (text.after.starts_with('\n')) {
    text.after.erase(0, 1);  // The stack starts the report, as in Node.
  }
  report += text.after;
  report += "\n\nNode.js " SKUA_NODE_VERSION "\n";
  std::fwrite(report.data(), 1, report.size(), stderr);
  std::fflush(stderr);
}

int ExitCodeAfterFatal(Realm* realm) {
  v8::Local<v8::Context> context = realm->context();
  v8::Local<v8::Value> code;
  if (realm->process_object()
          ->Get(context, OneByteString(realm->isolate(), "exitCode"))
          .ToLocal(&code) &&
      code->IsInt32()) {
    // Including 0: an 'exit' listener may reset the code the handler set (as in Node).
    return code.As<v8::Int32>()->Value();
  }
  return 1;
}

void OnMessage(v8::Local<v8::Message> message, v8::Local<v8::Value> error) {
  v8::Isolate* isolate = message->GetIsolate();
  TriggerUncaughtException(Realm::From(isolate), error, message, false);
}

void OnPromiseReject(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate* isolate = promise->GetIsolate();
  Realm* realm = Realm::From(isolate);
  if (realm == nullptr) return;
  v8::Local<v8::Function> handler = realm->promise_reject_handler();
  if (handler.IsEmpty()) return;
  v8::PromiseRejectEvent event = message.GetEvent();
  v8::Local<v8::Value> value = event == v8::kPromiseRejectWithNoHandler
                                   ? message.GetValue()
                                   : v8::Undefined(isolate).As<v8::Value>();
  if (value.IsEmpty()) value = v8::Undefined(isolate);
  v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, event), promise, value};
  v8::TryCatch try_catch(isolate);
  // A throwing handler is a stdlib bug; the rejection is then simply not tracked.
  if (handler->Call(realm->context(), v8::Undefined(isolate), 3, args).IsEmpty()) return;
}

// Per-realm state of --abort-on-uncaught-exception.
class AbortOnUncaughtState : public BindingState {
 public:
  explicit AbortOnUncaughtState(Realm* realm) {}
  bool should_abort = true;
  int no_abort_depth = 0;
};

// V8 asks this only under its --abort-on-uncaught-exception flag. It must not run JS.
bool ShouldAbortOnUncaughtException(v8::Isolate* isolate) {
  Realm* realm = Realm::From(isolate);
  if (realm == nullptr || realm->is_terminated()) return false;
  AbortOnUncaughtState* state = realm->binding_state<AbortOnUncaughtState>();
  return state->should_abort && state->no_abort_depth == 0;
}

void OnFatalError(const char* location, const char* message) {
  std::fprintf(stderr, "FATAL ERROR: %s %s\n", location, message);
  std::fflush(stderr);
  std::abort();
}

void OnOOMError(const char* location, bool is_heap_oom) {
  std::fprintf(stderr, "FATAL ERROR: %s %s\n", location,
               is_heap_oom ? "Allocation failed - JavaScript heap out of memory"
                           : "Allocation failed - process out of memory");
  std::fflush(stderr);
  std::abort();
}

}  // namespace

void TriggerUncaughtException(Realm* realm, const v8::TryCatch& try_catch) {
  TriggerUncaughtException(realm, try_catch.Exception(), try_catch.Message(), false);
}

void TriggerUncaughtException(Realm* realm, v8::Local<v8::Value> error,
                              v8::Local<v8::Message> message, bool from_promise) {
  // A terminating worker runs no more JS and reports nothing.
  if (realm->is_terminated()) return;
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope handle_scope(isolate);
  v8::Local<v8::Context> context = realm->context();
  if (message.IsEmpty()) message = v8::Exception::CreateMessage(isolate, error);
  v8::Local<v8::Function> handler = realm->fatal_exception_handler();
  if (!handler.IsEmpty()) {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> args[] = {error, v8::Boolean::New(isolate, from_promise)};
    v8::Local<v8::Value> handled;
    if (handler->Call(context, realm->process_object(), 2, args).ToLocal(&handled)) {
      if (handled->IsTrue()) return;
    } else if (realm->is_terminated()) {
      return;
    } else if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
      // The handler itself threw (an 'uncaughtException' listener, say): Node reports
      // that error and exits with 7.
      PrintFatalException(realm, try_catch.Exception(), try_catch.Message());
      realm->Exit(7);
      return;
    }
  }
  PrintFatalException(realm, error, message);
  realm->Exit(ExitCodeAfterFatal(realm));
}

void SetShouldAbortOnUncaught(Realm* realm, bool value) {
  realm->binding_state<AbortOnUncaughtState>()->should_abort = value;
}

ShouldNotAbortOnUncaughtScope::ShouldNotAbortOnUncaughtScope(Realm* realm) : realm_(realm) {
  realm_->binding_state<AbortOnUncaughtState>()->no_abort_depth++;
}

ShouldNotAbortOnUncaughtScope::~ShouldNotAbortOnUncaughtScope() {
  realm_->binding_state<AbortOnUncaughtState>()->no_abort_depth--;
}

void InstallIsolateErrorHandlers(v8::Isolate* isolate) {
  isolate->SetAbortOnUncaughtExceptionCallback(ShouldAbortOnUncaughtException);
  isolate->AddMessageListenerWithErrorLevel(OnMessage, v8::Isolate::kMessageError);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  isolate->SetPromiseRejectCallback(OnPromiseReject);
  isolate->SetFatalErrorHandler(OnFatalError);
  isolate->SetOOMErrorHandler(OnOOMError);
}

}  // namespace skua
