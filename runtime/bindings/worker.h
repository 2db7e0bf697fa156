// Worker: the parent-side object of one worker thread (worker_threads). The thread has
// its own libuv loop, isolate, context and Realm; it runs stdlib's
// internal/main/worker_thread.js and talks to the parent only through two
// MessageChannels (the public one behind worker.postMessage/parentPort, and an internal
// one for 'online' and uncaught errors). When the thread ends, the parent's loop is
// woken and JS gets onexit(code, errorCode).
//
// Rules:
// - The Worker object lives on the parent's loop thread (a HandleWrap over the uv_async_t
//   that reports the end of the thread); it is ref'd while the thread runs unless JS
//   unref()s it, and is deleted only after the thread was joined and the handle closed.
// - The thread owns everything it creates (loop, isolate, realm) and frees it before it
//   signals its end. The only state both threads touch is guarded by `mutex_`: the
//   worker realm pointer (for terminate()), the stop handle, and the exit code.
// - terminate() may run on the parent thread at any time: before the isolate exists it
//   only records the request; later it asks the realm to terminate (V8's
//   TerminateExecution is thread-safe) and wakes the worker loop so that it stops.
// - A worker that ends tears down its own child workers first (terminate + join).
#ifndef SKUA_RUNTIME_BINDINGS_WORKER_H_
#define SKUA_RUNTIME_BINDINGS_WORKER_H_

#include <uv.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "runtime/bindings/message.h"
#include "runtime/bindings/message_port.h"
#include "runtime/core/cli_options.h"
#include "runtime/core/handle_wrap.h"

namespace skua::worker {

// Indices of the resource-limits array shared with JS (Node's order).
enum ResourceLimit {
  kMaxYoungGenerationSizeMb = 0,
  kMaxOldGenerationSizeMb,
  kCodeRangeSizeMb,
  kStackSizeMb,
  kResourceLimitCount
};

class Worker : public HandleWrap {
 public:
  Worker(Realm* realm, v8::Local<v8::Object> object, std::unique_ptr<messaging::Message> startup,
         CliOptions options, std::string argv0, const double* limits);
  ~Worker() override;

  // The worker running on the calling thread, or nullptr on the main thread.
  static Worker* Current();

  // Parent thread: asks the thread to stop (exit code 1). Idempotent.
  void Terminate();
  // Parent thread: Terminate() and wait for the thread to end (parent teardown).
  void TerminateAndJoin();

  int thread_id() const { return thread_id_; }
  const double* resource_limits() const { return resource_limits_; }
  std::unique_ptr<messaging::Message> TakeStartupData() { return std::move(startup_); }
  std::shared_ptr<messaging::PortData> TakePort(bool internal) {
    return std::move(internal ? child_internal_port_ : child_public_port_);
  }

  static void JsNew(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsStartThread(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsStopThread(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsGetResourceLimits(const v8::FunctionCallbackInfo<v8::Value>& args);

  // Parent side ends of the channels, for JS (set on the object by JsNew).
  std::shared_ptr<messaging::PortData> parent_public_port;
  std::shared_ptr<messaging::PortData> parent_internal_port;

 private:
  // The thread's body (worker_thread.cc).
  void Run();
  // Worker thread: process.exit() / an uncaught error ended the worker.
  void ExitFromInside(int code);
  static void OnThreadExit(uv_async_t* handle);
  static size_t OnNearHeapLimit(void* data, size_t current, size_t initial);

  Realm* parent_realm_;
  int thread_id_;
  CliOptions options_;
  std::string argv0_;
  double resource_limits_[kResourceLimitCount];
  std::unique_ptr<messaging::Message> startup_;
  std::shared_ptr<messaging::PortData> child_public_port_;
  std::shared_ptr<messaging::PortData> child_internal_port_;
  uv_async_t exit_async_;  // On the parent's loop.
  std::thread thread_;
  bool joined_ = false;

  std::mutex mutex_;
  Realm* worker_realm_ = nullptr;     // Guarded by mutex_; set while JS may run.
  uv_async_t* stop_async_ = nullptr;  // Guarded by mutex_; on the worker's loop.
  bool stop_requested_ = false;       // Guarded by mutex_.
  bool exit_code_set_ = false;        // Guarded by mutex_.
  int exit_code_ = 0;                 // Guarded by mutex_.
  const char* error_code_ = nullptr;  // Guarded by mutex_; e.g. ERR_WORKER_OUT_OF_MEMORY.
};

// Terminates and joins every worker started from `realm` (its teardown).
void StopWorkersOf(Realm* realm);

}  // namespace skua::worker

#endif  // SKUA_RUNTIME_BINDINGS_WORKER_H_
