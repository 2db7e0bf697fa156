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
#include "runtime/core/cli_options.h"
#include "runtime/core/environment_setup.h"
#include "runtime/core/platform.h"
#include "runtime/core/process_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/runtime_entry.h"
#include "v8.h"

namespace skua {

namespace {

// Import attributes are off by default in V8 10.2; Node 18 turns them on too.
constexpr char kDefaultV8Flags[] = "--harmony-import-assertions --harmony-import-attributes";

}  // namespace

int RuntimeMain(int argc, char** argv) {
  // As Node: a closed pipe is an EPIPE write error for stdlib to handle, not a kill, and
  // a write past the file size limit (ulimit -f) is an EFBIG error, not SIGXFSZ.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
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
  Realm* realm = nullptr;
  v8::Isolate* isolate = NewIsolate(platform.get(), loop, v8::Isolate::CreateParams(), &realm);

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
    main_realm.Exit(RunRealm(&main_realm, "internal/main/run_main"));
  }
  return 0;  // Unreachable: the main realm's Exit ends the process.
}

}  // namespace skua

extern "C" int SkuaRuntimeMain(int argc, char** argv) { return skua::RuntimeMain(argc, argv); }
