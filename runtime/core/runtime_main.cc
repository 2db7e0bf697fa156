// The runtime's entry point, exported from libskua_runtime.so: sets up V8, one isolate
// and context on the default libuv loop, runs stdlib's bootstrap and the user's entry
// point, then spins the loop until nothing referenced is left.
#include <uv.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "libplatform/libplatform.h"
#include "runtime/core/builtins.h"
#include "runtime/core/cli_options.h"
#include "runtime/core/errors.h"
#include "runtime/core/platform.h"
#include "runtime/core/process_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/runtime_entry.h"
#include "runtime/core/v8_helpers.h"
#include "v8.h"

namespace skua {

namespace {

// Import attributes are off by default in V8 10.2; Node 18 turns them on too.
constexpr char kDefaultV8Flags[] = "--harmony-import-assertions --harmony-import-attributes";

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
  if (try_catch.HasCaught()) TriggerUncaughtException(realm, try_catch);
  return v8::MaybeLocal<v8::Function>();
}

int RunRealm(Realm* realm) {
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope handle_scope(isolate);
  v8::Local<v8::Context> context = realm->context();
  v8::Local<v8::Function> require;
  if (!Bootstrap(realm).ToLocal(&require)) return 1;
  // The entry point (script, -e, -p) runs as the first macrotask.
  v8::Local<v8::Value> main_id = OneByteString(isolate, "internal/main/run_main");
  v8::Local<v8::Value> main;
  {
    v8::TryCatch try_catch(isolate);
    if (!require->Call(context, v8::Undefined(isolate), 1, &main_id).ToLocal(&main) ||
        !main->IsFunction()) {
      if (try_catch.HasCaught()) TriggerUncaughtException(realm, try_catch);
      return 1;
    }
  }
  (void)realm->MakeCallback(main.As<v8::Function>(), realm->process_object(), 0, nullptr);
  return realm->RunEventLoop();
}

}  // namespace

int RuntimeMain(int argc, char** argv) {
  // As Node: a closed pipe is an EPIPE write error for stdlib to handle, not a kill.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  Result<CliOptions> options = ParseCliOptions(args);
  if (!options.ok()) {
    std::fprintf(stderr, "%s: %s\n", argv[0], options.status().message().c_str());
    return 9;  // Node's exit code for an invalid argument.
  }
  std::string v8_flags = kDefaultV8Flags;
  for (const std::string& flag : options->v8_flags) v8_flags += " " + flag;
  v8::V8::SetFlagsFromString(v8_flags.c_str(), v8_flags.size());

  auto platform = std::make_unique<Platform>(4);
  v8::V8::InitializePlatform(platform.get());
  v8::V8::Initialize();

  uv_loop_t* loop = uv_default_loop();
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator(
      v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  v8::Isolate* isolate = v8::Isolate::Allocate();
  Realm* realm = nullptr;
  // V8 may post tasks during Isolate::Initialize, so the runner exists first; its tasks
  // only ever run from the loop, once the realm exists.
  platform->RegisterIsolate(isolate, loop, [&realm](v8::Task* task) {
    realm->RunInCallbackScope([task] { task->Run(); });
  });
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator.get();
  v8::Isolate::Initialize(isolate, params);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  InstallIsolateErrorHandlers(isolate);

  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);
    Realm main_realm(isolate, context, loop, platform.get(), &*options);
    realm = &main_realm;
    v8::Local<v8::Object> process;
    if (!CreateProcessObject(context, argv[0], *options).ToLocal(&process)) return 1;
    main_realm.set_process_object(process);
    main_realm.Exit(RunRealm(&main_realm));
  }
}

}  // namespace skua

extern "C" int SkuaRuntimeMain(int argc, char** argv) { return skua::RuntimeMain(argc, argv); }
