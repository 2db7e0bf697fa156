// Isolate creation and the bootstrap/entry/loop sequence of a realm.
#include "runtime/core/environment_setup.h"

#include <string>

#include "runtime/core/builtins.h"
#include "runtime/core/errors.h"
#include "runtime/core/platform.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua {

namespace {

void GetInternalBinding(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string name = ToUtf8(isolate, args[0]);
  v8::Local<v8::Object> binding;
  if (Realm::From(isolate)->GetBinding(name).ToLocal(&binding)) {
    args.GetReturnValue().Set(binding);
  }
}

// Runs internal/bootstrap/realm.js, which loads the rest of the bootstrap and returns
// the builtin `require`. Returns empty after reporting a failure.
v8::MaybeLocal<v8::Function> Bootstrap(Realm* realm) {
  v8::Isolate* isolate = realm->isolate();
  v8::Local<v8::Context> context = realm->context();
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Function> bootstrap;
  v8::Local<v8::Function> get_binding;
  v8::Local<v8::Value> require;
  if (CompileBuiltin(context, "internal/bootstrap/realm", {"process", "getInternalBinding"})
          .ToLocal(&bootstrap) &&
      v8::FunctionTemplate::New(isolate, GetInternalBinding)
          ->GetFunction(context)
          .ToLocal(&get_binding)) {
    v8::Local<v8::Value> args[] = {realm->process_object(), get_binding};
    if (bootstrap->Call(context, v8::Undefined(isolate), 2, args).ToLocal(&require) &&
        require->IsFunction()) {
      return require.As<v8::Function>();
    }
  }
  if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
    TriggerUncaughtException(realm, try_catch);
  }
  return v8::MaybeLocal<v8::Function>();
}

}  // namespace

v8::ArrayBuffer::Allocator* SharedArrayBufferAllocator() {
  // Lifetime: never freed (see the header's rules); thread-safe static initialisation.
  static v8::ArrayBuffer::Allocator* allocator = v8::ArrayBuffer::Allocator::NewDefaultAllocator();
  return allocator;
}

v8::Isolate* NewIsolate(Platform* platform, uv_loop_t* loop, v8::Isolate::CreateParams params,
                        Realm** realm) {
  v8::Isolate* isolate = v8::Isolate::Allocate();
  // V8 may post tasks during Isolate::Initialize, so the runner exists first; its tasks
  // only ever run from the loop.
  platform->RegisterIsolate(isolate, loop, [realm](v8::Task* task) {
    if (*realm == nullptr) {
      task->Run();
      return;
    }
    (*realm)->RunInCallbackScope([task] { task->Run(); });
  });
  params.array_buffer_allocator = SharedArrayBufferAllocator();
  v8::Isolate::Initialize(isolate, params);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  // A ShadowRealm (--experimental-shadow-realm) gets a plain context: the language's
  // globals only, none of Node's. It shares its creator's Realm, which the isolate-wide
  // callbacks (stack traces, dynamic import) look up from any context.
  isolate->SetHostCreateShadowRealmContextCallback(
      [](v8::Local<v8::Context> initiator) -> v8::MaybeLocal<v8::Context> {
        v8::Local<v8::Context> context = v8::Context::New(initiator->GetIsolate());
        if (Realm* realm = Realm::From(initiator)) realm->AttachContext(context);
        return context;
      });
  InstallIsolateErrorHandlers(isolate);
  return isolate;
}

int RunRealm(Realm* realm, const char* main_id) {
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope handle_scope(isolate);
  v8::Local<v8::Context> context = realm->context();
  v8::Local<v8::Function> require;
  if (!Bootstrap(realm).ToLocal(&require)) return 1;
  // The entry point runs as the first macrotask.
  v8::Local<v8::Value> id = OneByteString(isolate, main_id);
  v8::Local<v8::Value> main;
  {
    v8::TryCatch try_catch(isolate);
    if (!require->Call(context, v8::Undefined(isolate), 1, &id).ToLocal(&main) ||
        !main->IsFunction()) {
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        TriggerUncaughtException(realm, try_catch);
      }
      return 1;
    }
  }
  (void)realm->MakeCallback(main.As<v8::Function>(), realm->process_object(), 0, nullptr);
  // When the main script threw and a handler took it, the ticks it queued still run
  // before the loop starts (as in Node); after other callbacks they wait (realm.cc).
  realm->DrainTicksAndMicrotasks();
  return realm->RunEventLoop();
}

}  // namespace skua
