// `contextify`: compiling and running user code. CommonJS modules become functions (so
// line and column numbers stay those of the file); -e/-p code runs as a classic script;
// node:vm builds on makeContext, ContextifyScript, compileFunction and measureMemory
// (JS surface: stdlib/internal/bindings/contextify.d.ts).
#include <semaphore.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/check.h"
#include "runtime/bindings/contextify_context.h"
#include "runtime/bindings/vm_watchdog.h"
#include "runtime/core/base_object.h"
#include "runtime/core/binding.h"
#include "runtime/core/errors.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::contextify {

namespace {

// The context to compile or run in: the sandbox's when `value` is a contextified
// object, else the current one.
bool ResolveContext(v8::Isolate* isolate, v8::Local<v8::Value> value,
                    v8::Local<v8::Context>* out) {
  *out = isolate->GetCurrentContext();
  if (!value->IsObject()) return true;
  return ContextifyContext::FromSandbox(isolate, value.As<v8::Object>()).ToLocal(out);
}

// Host-defined options of vm code: [kVmImportMarker, id], where id names the script's
// importModuleDynamically in node:vm (0: none given). module_wrap's import() hook reads
// them back.
constexpr int kVmImportMarker = 0x766d;  // "vm".

v8::Local<v8::PrimitiveArray> VmHostOptions(v8::Isolate* isolate, v8::Local<v8::Value> id) {
  v8::Local<v8::PrimitiveArray> options = v8::PrimitiveArray::New(isolate, 2);
  options->Set(isolate, 0, v8::Integer::New(isolate, kVmImportMarker));
  int32_t value = id->IsInt32() ? id.As<v8::Int32>()->Value() : 0;
  options->Set(isolate, 1, v8::Integer::New(isolate, value));
  return options;
}

// Marks an error whose `stack` already starts with its source line and caret; the fatal
// exception report (core/errors.cc) then leaves its own copy out.
v8::Local<v8::Private> DecoratedPrivate(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate, OneByteString(isolate, "skua:decorated_error"));
}

// Prefixes the caught error's `stack` with "file:line\nsource line\n   ^^^\n\n", as Node
// does for vm code (displayErrors) and for code that fails to compile.
void DecorateErrorStack(v8::Isolate* isolate, const v8::TryCatch& try_catch) {
  if (!try_catch.HasCaught() || try_catch.HasTerminated()) return;
  v8::Local<v8::Value> exception = try_catch.Exception();
  v8::Local<v8::Message> message = try_catch.Message();
  if (!exception->IsNativeError() || message.IsEmpty()) return;
  v8::Local<v8::Object> error = exception.As<v8::Object>();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Private> decorated = DecoratedPrivate(isolate);
  if (error->HasPrivate(context, decorated).FromMaybe(true)) return;
  v8::Local<v8::Value> stack;
  v8::Local<v8::String> source_line;
  int line = message->GetLineNumber(context).FromMaybe(0);
  if (!error->Get(context, OneByteString(isolate, "stack")).ToLocal(&stack) ||
      !stack->IsString() || line == 0 || !message->GetSourceLine(context).ToLocal(&source_line)) {
    return;
  }
  std::string text = ToUtf8(isolate, source_line);
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  std::string arrow = ToUtf8(isolate, message->GetScriptResourceName()) + ":" +
                      std::to_string(line) + "\n" + text + "\n";
  for (int i = 0; i < start && i < static_cast<int>(text.size()); i++) {
    arrow += text[i] == '\t' ? '\t' : ' ';
  }
  for (int i = start; i < end; i++) arrow += '^';
  if (end <= start) arrow += '^';
  arrow += "\n\n" + ToUtf8(isolate, stack);
  v8::Local<v8::String> decorated_stack;
  // A frozen error or a throwing setter keeps its stack as it was.
  v8::TryCatch inner(isolate);
  if (!Utf8String(isolate, arrow).ToLocal(&decorated_stack) ||
      error->Set(context, OneByteString(isolate, "stack"), decorated_stack).IsNothing()) {
    return;
  }
  (void)error->SetPrivate(context, decorated, v8::True(isolate));
}


// compileFunction(code, filename, params[], lineOffset?, columnOffset?, parsingContext?,
// contextExtensions[]?, importId?) -> function.
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context;
  if (!ResolveContext(isolate, args[5], &context)) return;
  v8::Local<v8::Context> current = isolate->GetCurrentContext();
  int line = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
  int column = args[4]->IsInt32() ? args[4].As<v8::Int32>()->Value() : 0;
  v8::Local<v8::Data> host_options;
  if (!args[7]->IsUndefined()) host_options = VmHostOptions(isolate, args[7]);
  v8::ScriptOrigin origin(isolate, args[1].As<v8::String>(), line, column, false, -1,
                          v8::Local<v8::Value>(), false, false, false, host_options);
  v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin);
  std::vector<v8::Local<v8::String>> params;
  v8::Local<v8::Array> param_array = args[2].As<v8::Array>();
  for (uint32_t i = 0; i < param_array->Length(); i++) {
    v8::Local<v8::Value> name;
    if (!param_array->Get(current, i).ToLocal(&name)) return;
    params.push_back(name.As<v8::String>());
  }
  std::vector<v8::Local<v8::Object>> extensions;
  if (args[6]->IsArray()) {
    v8::Local<v8::Array> list = args[6].As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> ext;
      if (!list->Get(current, i).ToLocal(&ext)) return;
      extensions.push_back(ext.As<v8::Object>());
    }
  }
  v8::Local<v8::Function> fn;
  // This TryCatch only decorates and rethrows: not a reason to abort.
  ShouldNotAbortOnUncaughtScope no_abort(Realm::From(isolate));
  v8::TryCatch try_catch(isolate);
  if (v8::ScriptCompiler::CompileFunction(context, &source, params.size(), params.data(),
                                          extensions.size(), extensions.data())
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
    return;
  }
  DecorateErrorStack(isolate, try_catch);
  if (!try_catch.HasTerminated()) try_catch.ReThrow();
}

// runScript(code, filename) -> the completion value.
void RunScript(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, args[1].As<v8::String>());
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (v8::Script::Compile(context, args[0].As<v8::String>(), &origin).ToLocal(&script) &&
      script->Run(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// makeContext(sandbox, allowStrings, allowWasm, ownMicrotaskQueue): contextifies the
// object (once).
void MakeContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CHECK(args[0]->IsObject());
  v8::Local<v8::Object> sandbox = args[0].As<v8::Object>();
  CHECK(!ContextifyContext::IsContextified(isolate, sandbox));
  (void)ContextifyContext::New(Realm::From(isolate), sandbox, args[1]->IsTrue(),
                               args[2]->IsTrue(), args[3]->IsTrue());
}

// measureMemory(detailed, eager) -> a promise of V8's estimate ({ total, current?,
// other? }); a lazy one settles with the next full GC.
void MeasureMemory(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return;
  auto mode = args[0]->IsTrue() ? v8::MeasureMemoryMode::kDetailed
                                : v8::MeasureMemoryMode::kSummary;
  auto execution = args[1]->IsTrue() ? v8::MeasureMemoryExecution::kEager
                                     : v8::MeasureMemoryExecution::kDefault;
  isolate->MeasureMemory(v8::MeasureMemoryDelegate::Default(isolate, context, resolver, mode),
                         execution);
  args.GetReturnValue().Set(resolver->GetPromise());
}

void IsContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(args[0]->IsObject() &&
                            ContextifyContext::IsContextified(args.GetIsolate(),
                                                              args[0].As<v8::Object>()));
}

// A compiled script not bound to a context; node:vm's Script extends it.
class ContextifyScript : public BaseObject {
 public:
  ContextifyScript(Realm* realm, v8::Local<v8::Object> object,
                   v8::Local<v8::UnboundScript> script)
      : BaseObject(realm, object), script_(realm->isolate(), script) {}

  // new ContextifyScript(code, filename, lineOffset, columnOffset, cachedData?,
  //                      parsingContext?, importId?)
  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    v8::Isolate* isolate = args.GetIsolate();
    v8::Local<v8::Context> current = isolate->GetCurrentContext();
    v8::Local<v8::Context> context;
    if (!ResolveContext(isolate, args[5], &context)) return;
    int line = args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value() : 0;
    int column = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
    v8::Local<v8::Data> host_options;
    if (!args[6]->IsUndefined()) host_options = VmHostOptions(isolate, args[6]);
    v8::ScriptOrigin origin(isolate, args[1].As<v8::String>(), line, column, false, -1,
                            v8::Local<v8::Value>(), false, false, false, host_options);
    v8::ScriptCompiler::CachedData* cached = CachedDataFromView(args[4]);  // Owned by `source`.
    v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin, cached);
    auto options = cached != nullptr ? v8::ScriptCompiler::kConsumeCodeCache
                                     : v8::ScriptCompiler::kNoCompileOptions;
    v8::Local<v8::UnboundScript> script;
    {
      v8::Context::Scope scope(context);
      // This TryCatch only decorates and rethrows: not a reason to abort.
      ShouldNotAbortOnUncaughtScope no_abort(Realm::From(isolate));
      v8::TryCatch try_catch(isolate);
      if (!v8::ScriptCompiler::CompileUnboundScript(isolate, &source, options)
               .ToLocal(&script)) {
        DecorateErrorStack(isolate, try_catch);
        if (!try_catch.HasTerminated()) try_catch.ReThrow();
        return;
      }
    }
    if (cached != nullptr) {
      bool rejected = source.GetCachedData()->rejected;
      if (args.This()->Set(current, OneByteString(isolate, "cachedDataRejected"),
                           v8::Boolean::New(isolate, rejected)).IsNothing()) {
        return;
      }
    }
    new ContextifyScript(Realm::From(current), args.This(), script);
  }

  // createCachedData() -> ArrayBuffer of V8's code cache for the script.
  static void CreateCachedData(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* self = Unwrap<ContextifyScript>(args.This());
    CHECK(self != nullptr);
    v8::Isolate* isolate = args.GetIsolate();
    std::unique_ptr<v8::ScriptCompiler::CachedData> data(
        v8::ScriptCompiler::CreateCodeCache(self->script_.Get(isolate)));
    size_t length = data ? static_cast<size_t>(data->length) : 0;
    v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
    if (length > 0) memcpy(buffer->GetBackingStore()->Data(), data->data, length);
    args.GetReturnValue().Set(buffer);
  }

  // runInContext(sandbox | null, timeout, displayErrors, breakOnSigint) -> the completion
  // value; past `timeout` ms (when positive) throws ERR_SCRIPT_EXECUTION_TIMEOUT, on
  // SIGINT (with breakOnSigint) ERR_SCRIPT_EXECUTION_INTERRUPTED.
  static void RunInContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* self = Unwrap<ContextifyScript>(args.This());
    CHECK(self != nullptr);
    v8::Isolate* isolate = args.GetIsolate();
    v8::Local<v8::Context> context;
    if (!ResolveContext(isolate, args[0], &context)) return;
    int64_t timeout = args[1]->IsNumber() ? args[1].As<v8::Number>()->Value() : -1;
    v8::MaybeLocal<v8::Value> result;
    bool timed_out;
    bool interrupted;
    {
      v8::Context::Scope scope(context);
      v8::Local<v8::Script> script = self->script_.Get(isolate)->BindToCurrentContext();
      v8::TryCatch try_catch(isolate);
      Watchdog watchdog(isolate, timeout);
      SigintWatchdog sigint_watchdog(isolate, args[3]->IsTrue());
      result = script->Run(context);
      // microtaskMode 'afterEvaluate': the context's own queue runs under the same
      // timeout.
      ContextifyContext* ctx = ContextifyContext::FromContext(context);
      if (!result.IsEmpty() && ctx != nullptr && ctx->microtask_queue() != nullptr) {
        ctx->microtask_queue()->PerformCheckpoint(isolate);
      }
      timed_out = watchdog.Finish();
      interrupted = sigint_watchdog.Finish();
      if (!timed_out && !interrupted && try_catch.HasCaught()) {
        if (args[2]->IsTrue()) DecorateErrorStack(isolate, try_catch);
        if (!try_catch.HasTerminated()) try_catch.ReThrow();
        return;
      }
    }
    if (interrupted && !timed_out) {
      isolate->CancelTerminateExecution();
      ThrowError(isolate, "ERR_SCRIPT_EXECUTION_INTERRUPTED",
                 "Script execution was interrupted by `SIGINT`");
      return;
    }
    if (timed_out) {
      // Thrown outside the TryCatch above, which would swallow it.
      isolate->CancelTerminateExecution();
      ThrowError(isolate, "ERR_SCRIPT_EXECUTION_TIMEOUT",
                 "Script execution timed out after " + std::to_string(timeout) + "ms");
      return;
    }
    v8::Local<v8::Value> value;
    if (result.ToLocal(&value)) args.GetReturnValue().Set(value);
  }

 private:
  v8::Global<v8::UnboundScript> script_;
};

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  target.Method("compileFunction", CompileFunction);
  target.Method("runScript", RunScript);
  target.Method("makeContext", MakeContext);
  target.Method("isContext", IsContext);
  target.Method("measureMemory", MeasureMemory);
  isolate->SetAllowWasmCodeGenerationCallback(ContextifyContext::AllowWasmCodeGeneration);
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, ContextifyScript::New);
  templ->SetClassName(OneByteString(isolate, "ContextifyScript"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  templ->PrototypeTemplate()->Set(
      isolate, "createCachedData", v8::FunctionTemplate::New(isolate, ContextifyScript::CreateCachedData));
  templ->PrototypeTemplate()->Set(
      isolate, "runInContext", v8::FunctionTemplate::New(isolate, ContextifyScript::RunInContext));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("ContextifyScript", constructor);
  }
}

}  // namespace skua::contextify

SKUA_BINDING(contextify, Initialize)
