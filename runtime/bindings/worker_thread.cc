// Worker::Run: the body of a worker thread — loop, isolate, realm, stdlib's
// internal/main/worker_thread.js, then teardown in the order the rules in worker.h and
// message_port.h require (no JS after the loop ends; ports closed before the realm;
// every handle closed before the loop; the isolate disposed last).
#include <uv.h>

#include "runtime/bindings/worker.h"
#include "runtime/core/environment_setup.h"
#include "runtime/core/platform.h"
#include "runtime/core/process_object.h"
#include "runtime/core/realm.h"

namespace skua::worker {

namespace {

constexpr double kMB = 1024 * 1024;

// Heap limits from worker's resourceLimits (negative: V8's default), written back with
// the values the heap actually got, as Node reports them.
void ApplyResourceLimits(v8::ResourceConstraints* constraints, double* limits) {
  constraints->ConfigureDefaults(uv_get_total_memory(), 0);
  if (limits[kMaxYoungGenerationSizeMb] > 0) {
    constraints->set_max_young_generation_size_in_bytes(
        static_cast<size_t>(limits[kMaxYoungGenerationSizeMb] * kMB));
  }
  if (limits[kMaxOldGenerationSizeMb] > 0) {
    constraints->set_max_old_generation_size_in_bytes(
        static_cast<size_t>(limits[kMaxOldGenerationSizeMb] * kMB));
  }
  if (limits[kCodeRangeSizeMb] > 0) {
    constraints->set_code_range_size_in_bytes(
        static_cast<size_t>(limits[kCodeRangeSizeMb] * kMB));
  }
  limits[kMaxYoungGenerationSizeMb] =
      static_cast<double>(constraints->max_young_generation_size_in_bytes()) / kMB;
  limits[kMaxOldGenerationSizeMb] =
      static_cast<double>(constraints->max_old_generation_size_in_bytes()) / kMB;
  limits[kCodeRangeSizeMb] = static_cast<double>(constraints->code_range_size_in_bytes()) / kMB;
  // Differs from Node 20: the thread's stack is the default std::thread stack; only
  // the reported value follows the option.
  if (limits[kStackSizeMb] <= 0) limits[kStackSizeMb] = 4;
}

void CloseHandle(uv_handle_t* handle, void*) {
  if (!uv_is_closing(handle)) uv_close(handle, nullptr);
}

}  // namespace

size_t Worker::OnNearHeapLimit(void* data, size_t current, size_t initial) {
  auto* worker = static_cast<Worker*>(data);
  {
    std::lock_guard<std::mutex> lock(worker->mutex_);
    if (!worker->exit_code_set_) {
      worker->exit_code_set_ = true;
      worker->exit_code_ = 1;
      worker->error_code_ = "ERR_WORKER_OUT_OF_MEMORY";
    }
  }
  worker->ExitFromInside(1);
  // Room for the termination to unwind instead of a fatal OOM of the whole process.
  return current * 2;
}

void Worker::Run() {
  uv_loop_t loop;
  uv_loop_init(&loop);
  uv_async_t stop_async;
  uv_async_init(&loop, &stop_async, [](uv_async_t* handle) { uv_stop(handle->loop); });
  uv_unref(reinterpret_cast<uv_handle_t*>(&stop_async));

  Platform* platform = parent_realm_->platform();
  v8::Isolate::CreateParams params;
  ApplyResourceLimits(&params.constraints, resource_limits_);
  Realm* realm = nullptr;
  v8::Isolate* isolate = NewIsolate(platform, &loop, params, &realm);
  isolate->AddNearHeapLimitCallback(OnNearHeapLimit, this);
  int code = 0;
  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);
    Realm worker_realm(isolate, context, &loop, platform, &options_);
    realm = &worker_realm;
    worker_realm.set_exit_handler([this](int exit_code) { ExitFromInside(exit_code); });
    bool run;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      run = !stop_requested_;
      worker_realm_ = &worker_realm;
      stop_async_ = &stop_async;
    }
    v8::Local<v8::Object> process;
    if (run) {
      if (CreateProcessObject(context, argv0_, options_).ToLocal(&process)) {
        worker_realm.set_process_object(process);
        code = RunRealm(&worker_realm, "internal/main/worker_thread");
      } else {
        code = 1;
      }
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!exit_code_set_) {
        exit_code_set_ = true;
        exit_code_ = code;
      }
      worker_realm_ = nullptr;
      stop_async_ = nullptr;
    }
    // Teardown: no JS from here on.
    worker_realm.RequestTermination();
    StopWorkersOf(&worker_realm);
    messaging::MessagePort::CloseAll(&worker_realm);
    platform->DrainTasks(isolate);
    platform->UnregisterIsolate(isolate);
    // Lifetime: HandleWraps other than ports are not tracked; their handles close here
    // and their C++ objects are left to the isolate's disposal.
    // TODO(cleanup): track HandleWraps per realm so teardown can delete them.
    uv_walk(&loop, CloseHandle, nullptr);
    uv_run(&loop, UV_RUN_DEFAULT);
    realm = nullptr;
  }
  isolate->Dispose();
  uv_loop_close(&loop);
  uv_async_send(&exit_async_);
}

}  // namespace skua::worker
