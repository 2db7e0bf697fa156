// `process_methods`: process.cwd/chdir/umask/hrtime/uptime/memoryUsage/reallyExit and the
// hook through which C++ emits 'beforeExit' and 'exit'.
#include <sys/resource.h>
#include <unistd.h>

#include <climits>
#include <vector>

#include "base/signals.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/uv_error.h"
#include "runtime/core/v8_helpers.h"

namespace skua::process_methods {

namespace {

uint64_t start_hrtime = uv_hrtime();

// The wall-clock time of start_hrtime in milliseconds: performance.timeOrigin, one value
// for the process and every worker in it (as in Node).
double StartWallClockMs() {
  uv_timeval64_t now;
  uv_gettimeofday(&now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_usec) / 1e3;
}
double start_wall_clock_ms = StartWallClockMs();

// cwd(ctx): the working directory, or undefined with ctx filled.
void Cwd(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[PATH_MAX * 4];
  size_t size = sizeof(buf);
  int err = uv_cwd(buf, &size);
  if (err != 0) {
    FillUvError(args.GetIsolate()->GetCurrentContext(), args[0].As<v8::Object>(), err, "uv_cwd");
    return;
  }
  v8::Local<v8::String> path;
  if (Utf8String(args.GetIsolate(), std::string_view(buf, size)).ToLocal(&path)) {
    args.GetReturnValue().Set(path);
  }
}

// chdir(path, ctx): fills ctx on failure.
void Chdir(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value path(args.GetIsolate(), args[0]);
  int err = uv_chdir(*path);
  if (err != 0) {
    FillUvError(args.GetIsolate()->GetCurrentContext(), args[1].As<v8::Object>(), err, "chdir");
  }
}

void Umask(const v8::FunctionCallbackInfo<v8::Value>& args) {
  mode_t old;
  if (args[0]->IsUint32()) {
    old = umask(static_cast<mode_t>(args[0].As<v8::Uint32>()->Value()));
  } else {
    old = umask(0);
    umask(old);
  }
  args.GetReturnValue().Set(static_cast<uint32_t>(old));
}

// hrtime(Uint32Array[3]): seconds high word, low word, nanoseconds.
void Hrtime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint64_t t = uv_hrtime();
  auto* fields = static_cast<uint32_t*>(args[0].As<v8::Uint32Array>()->Buffer()->Data());
  uint64_t seconds = t / 1000000000;
  fields[0] = static_cast<uint32_t>(seconds >> 32);
  fields[1] = static_cast<uint32_t>(seconds & 0xffffffff);
  fields[2] = static_cast<uint32_t>(t % 1000000000);
}

void HrtimeBigInt(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(args.GetIsolate(), uv_hrtime()));
}

void Uptime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_hrtime() - start_hrtime) / 1e9);
}

// memoryUsage(Float64Array[5]): rss, heapTotal, heapUsed, external, arrayBuffers.
void MemoryUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::HeapStatistics stats;
  args.GetIsolate()->GetHeapStatistics(&stats);
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  auto* fields = static_cast<double*>(args[0].As<v8::Float64Array>()->Buffer()->Data());
  fields[0] = static_cast<double>(rss);
  fields[1] = static_cast<double>(stats.total_heap_size());
  fields[2] = static_cast<double>(stats.used_heap_size());
  fields[3] = static_cast<double>(stats.external_memory());
  fields[4] = 0;  // TODO(compat): track ArrayBuffer memory in the allocator.
}

void Rss(const v8::FunctionCallbackInfo<v8::Value>& args) {
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  args.GetReturnValue().Set(static_cast<double>(rss));
}

// cpuUsage(Float64Array[2]): user and system microseconds.
void CpuUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uv_rusage_t usage;
  if (uv_getrusage(&usage) != 0) return;
  auto* fields = static_cast<double*>(args[0].As<v8::Float64Array>()->Buffer()->Data());
  fields[0] = 1e6 * static_cast<double>(usage.ru_utime.tv_sec) + usage.ru_utime.tv_usec;
  fields[1] = 1e6 * static_cast<double>(usage.ru_stime.tv_sec) + usage.ru_stime.tv_usec;
}

// kill(pid, signal): 0 or a negative uv error.
void Kill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  int pid = args[0]->Int32Value(context).FromMaybe(0);
  int signal = args[1]->Int32Value(context).FromMaybe(0);
  args.GetReturnValue().Set(uv_kill(pid, signal));
}

void ReallyExit(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int code = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  Realm::From(args.GetIsolate())->Exit(code);
}

// setEmitProcessEvent(fn): fn('beforeExit' | 'exit') emits the event, returns the code.
void SetEmitProcessEvent(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm::From(args.GetIsolate())->set_emit_process_event(args[0].As<v8::Function>());
}

// The libuv handles that keep the loop alive, by Node's names for their wraps (what
// process.getActiveResourcesInfo() lists besides requests and timers). Handles with no
// wrap (data) and the loop's internal kinds (timers, checks, asyncs) are not listed.
const char* ActiveHandleName(uv_handle_t* handle) {
  switch (handle->type) {
    case UV_TCP:
      return reinterpret_cast<uv_stream_t*>(handle)->connection_cb != nullptr ? "TCPServerWrap"
                                                                             : "TCPSocketWrap";
    case UV_NAMED_PIPE:
      return reinterpret_cast<uv_stream_t*>(handle)->connection_cb != nullptr ? "PipeServerWrap"
                                                                             : "PipeWrap";
    case UV_TTY:
      return "TTYWrap";
    case UV_UDP:
      return "UDPWrap";
    case UV_PROCESS:
      return "ProcessWrap";
    case UV_SIGNAL:
      return "SignalWrap";
    case UV_FS_EVENT:
      return "FSEventWrap";
    case UV_FS_POLL:
      return "StatWatcher";
    default:
      return nullptr;
  }
}

void GetActiveHandlesInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::vector<v8::Local<v8::Value>> names;
  struct Walk {
    v8::Isolate* isolate;
    std::vector<v8::Local<v8::Value>>* names;
  } walk{isolate, &names};
  uv_walk(
      Realm::From(isolate)->loop(),
      [](uv_handle_t* handle, void* arg) {
        auto* w = static_cast<Walk*>(arg);
        // As in Node, a closing handle counts until its close callback.
        if (handle->data == nullptr || !uv_has_ref(handle)) return;
        const char* name = ActiveHandleName(handle);
        if (name != nullptr) w->names->push_back(OneByteString(w->isolate, name));
      },
      &walk);
  args.GetReturnValue().Set(v8::Array::New(isolate, names.data(), names.size()));
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("cwd", Cwd);
  target.Method("getActiveHandlesInfo", GetActiveHandlesInfo);
  target.Method("chdir", Chdir);
  target.Method("umask", Umask);
  target.Method("hrtime", Hrtime);
  target.Method("hrtimeBigInt", HrtimeBigInt);
  target.Method("uptime", Uptime);
  target.Value("timeOrigin", v8::Number::New(target.isolate, start_wall_clock_ms));
  target.Method("memoryUsage", MemoryUsage);
  target.Method("rss", Rss);
  target.Method("cpuUsage", CpuUsage);
  target.Method("reallyExit", ReallyExit);
  target.Method("kill", Kill);
  // signals: { SIGHUP: 1, ... } for process.kill, signal events and killSignal options.
  v8::Local<v8::Object> signals = v8::Object::New(target.isolate);
  int count = 0;
  const std::pair<const char*, int>* table = SignalTable(&count);
  for (int i = 0; i < count; i++) {
    SetValue(target.context, signals, table[i].first,
             v8::Integer::New(target.isolate, table[i].second));
  }
  target.Value("signals", signals);
  target.Method("setEmitProcessEvent", SetEmitProcessEvent);
}

}  // namespace skua::process_methods

SKUA_BINDING(process_methods, Initialize)
