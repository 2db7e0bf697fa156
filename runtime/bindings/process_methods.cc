// `process_methods`: process.cwd/chdir/umask/hrtime/uptime/memoryUsage/reallyExit and the
// hook through which C++ emits 'beforeExit' and 'exit'.
#include <sys/resource.h>
#include <unistd.h>

#include <climits>

#include "base/signals.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/uv_error.h"

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

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("cwd", Cwd);
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
