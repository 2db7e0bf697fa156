// A Realm is one V8 context with the state skua keeps for it: its libuv loop, the
// native bindings it has loaded, the JS callbacks that stdlib registered (tick queue,
// uncaught-exception handler), and the callback scope through which every call from
// the loop into JS goes.
//
// Rules:
// - A Realm lives on its loop's thread and is reachable from its context (embedder data).
// - Entering JS from libuv happens only through MakeCallback(): it routes exceptions to
//   the uncaught-exception path and, when the outermost callback returns, drains
//   process.nextTick and microtasks in Node's order.
// - Per-binding state lives in BindingState objects owned by the realm (no hub struct);
//   they are destroyed with the realm, before the isolate.
// - A worker's realm may be terminated from its parent's thread: RequestTermination() is
//   the one member callable from any thread. Afterwards MakeCallback enters no JS and
//   RunEventLoop returns.
#ifndef SKUA_RUNTIME_CORE_REALM_H_
#define SKUA_RUNTIME_CORE_REALM_H_

#include <uv.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "v8.h"

namespace skua {

class Platform;
struct CliOptions;

// Base of per-binding state stored in a realm.
class BindingState {
 public:
  virtual ~BindingState() = default;
};

class Realm {
 public:
  // Indices into the Int32Array shared with stdlib's task queue (internal/process/
  // task_queues.js), so C++ can decide without calling into JS.
  enum TickInfoField { kHasTickScheduled = 0, kHasRejectionToWarn = 1, kTickInfoCount };

  Realm(v8::Isolate* isolate, v8::Local<v8::Context> context, uv_loop_t* loop,
        Platform* platform, const CliOptions* options);
  ~Realm();
  Realm(const Realm&) = delete;
  Realm& operator=(const Realm&) = delete;

  static Realm* From(v8::Local<v8::Context> context);
  static Realm* From(v8::Isolate* isolate) { return From(isolate->GetCurrentContext()); }
  // Makes From(context) answer this realm for a further context (a vm context), so that
  // callbacks V8 makes with it current (stack traces, rejections) find their state.
  void AttachContext(v8::Local<v8::Context> context);

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  uv_loop_t* loop() const { return loop_; }
  Platform* platform() const { return platform_; }
  const CliOptions& options() const { return *options_; }

  // Calls `fn` as a macrotask from the loop. On a JS exception the uncaught-exception
  // path runs and the result is empty.
  v8::MaybeLocal<v8::Value> MakeCallback(v8::Local<v8::Function> fn, v8::Local<v8::Value> recv,
                                         int argc, v8::Local<v8::Value>* argv);

  // Runs a native step (a platform task, the main script) inside a callback scope.
  template <typename F>
  void RunInCallbackScope(F&& step) {
    callback_depth_++;
    step();
    callback_depth_--;
    if (callback_depth_ == 0) DrainTicksAndMicrotasks();
  }

  // Spins the loop until nothing referenced is left, emitting 'beforeExit' each time
  // it runs empty; then emits 'exit' and returns the exit code.
  int RunEventLoop();

  // process.reallyExit: on the main thread ends the process at once with `code` (never
  // returns); a worker's realm calls its exit handler instead, which terminates it, and
  // returns.
  void Exit(int code);
  void set_exit_handler(std::function<void(int)> handler) { exit_handler_ = std::move(handler); }

  // Stops JS and the loop for good (worker.terminate(), process.exit() in a worker).
  // Callable from any thread.
  void RequestTermination();
  bool is_terminated() const { return terminated_.load(); }

  // The binding object `name`, created on first use; empty (with a JS exception) when
  // there is no such binding.
  v8::MaybeLocal<v8::Object> GetBinding(const std::string& name);

  template <typename T>
  T* binding_state() {
    static const char key = 0;
    std::unique_ptr<BindingState>& slot = binding_states_[&key];
    if (!slot) slot = std::make_unique<T>(this);
    return static_cast<T*>(slot.get());
  }

  // JS callbacks that stdlib installs during bootstrap.
  int32_t* tick_info() { return tick_info_; }
  v8::Local<v8::Int32Array> tick_info_array();
  void set_tick_callback(v8::Local<v8::Function> fn) { tick_callback_.Reset(isolate_, fn); }
  void set_process_object(v8::Local<v8::Object> process) { process_.Reset(isolate_, process); }
  v8::Local<v8::Object> process_object() { return process_.Get(isolate_); }
  void set_fatal_exception_handler(v8::Local<v8::Function> fn) {
    fatal_exception_handler_.Reset(isolate_, fn);
  }
  v8::Local<v8::Function> fatal_exception_handler() {
    return fatal_exception_handler_.Get(isolate_);
  }
  void set_promise_reject_handler(v8::Local<v8::Function> fn) {
    promise_reject_handler_.Reset(isolate_, fn);
  }
  v8::Local<v8::Function> promise_reject_handler() {
    return promise_reject_handler_.Get(isolate_);
  }
  void set_emit_process_event(v8::Local<v8::Function> fn) {
    emit_process_event_.Reset(isolate_, fn);
  }

  bool is_stopping() const { return stopping_ || terminated_.load(); }

  // Async context frames (README, "Async context"): the frame current when a native
  // operation starts is kept on its JS object (or its callback, when it has none), and
  // MakeCallback makes it current again around the callback. Off until stdlib first
  // uses a frame, so MakeCallback skips the lookup in programs that never do.
  void EnableAsyncFrames() { async_frames_enabled_ = true; }
  // Records the current frame on `holder`; nothing when frames are off or it is empty.
  void CaptureAsyncFrame(v8::Local<v8::Object> holder);

  // Runs queued nextTicks and microtasks (MakeCallback does so after each callback that
  // did not throw; the main-script runner also after one that did).
  void DrainTicksAndMicrotasks();

  // async_hooks for native resources (README, "Async context"). While a createHook() hook
  // is enabled, stdlib installs its emitters here: native resources then get an async id
  // at creation (EmitAsyncInit), MakeCallback reports before/after around their callbacks,
  // and their end is reported in batches from the loop (QueueAsyncDestroy). With no hook
  // enabled every one of these is a check of async_hooks_enabled_.
  bool async_hooks_enabled() const { return async_hooks_enabled_; }
  // enabled, then init(resource, type), before(resource), after(resource), destroy(ids).
  void SetAsyncHooks(bool enabled, v8::Local<v8::Value> init, v8::Local<v8::Value> before,
                     v8::Local<v8::Value> after, v8::Local<v8::Value> destroy);
  // Reports `resource` (type: its provider name, or null to let stdlib tell it from the
  // constructor); returns its async id, 0 when it is not a reported resource.
  double EmitAsyncInit(v8::Local<v8::Object> resource, const char* type);
  // Reports a resource's end soon after, from the loop. Safe during GC (calls no JS).
  void QueueAsyncDestroy(double async_id);

 private:
  // Calls stdlib's emitter for 'beforeExit' / 'exit'; returns the exit code it reports.
  int EmitProcessEvent(const char* event);
  // Calls stdlib's destroy emitter with the ids QueueAsyncDestroy collected.
  void FlushAsyncDestroys();
  // The async_hooks resource of a MakeCallback: its receiver, or the callback itself.
  bool EmitAsyncBefore(v8::Local<v8::Object> resource);
  void EmitAsyncAfter(v8::Local<v8::Object> resource);

  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;
  uv_loop_t* loop_;
  Platform* platform_;
  const CliOptions* options_;
  int callback_depth_ = 0;
  bool stopping_ = false;
  bool async_frames_enabled_ = false;
  bool async_hooks_enabled_ = false;
  v8::Global<v8::Function> async_init_;
  v8::Global<v8::Function> async_before_;
  v8::Global<v8::Function> async_after_;
  v8::Global<v8::Function> async_destroy_;
  std::vector<double> async_destroy_ids_;
  v8::Global<v8::Private> async_frame_key_;
  std::atomic<bool> terminated_{false};
  std::function<void(int)> exit_handler_;

  std::shared_ptr<v8::BackingStore> tick_info_store_;
  int32_t* tick_info_;
  v8::Global<v8::Function> tick_callback_;
  v8::Global<v8::Object> process_;
  v8::Global<v8::Function> fatal_exception_handler_;
  v8::Global<v8::Function> promise_reject_handler_;
  v8::Global<v8::Function> emit_process_event_;
  std::unordered_map<std::string, v8::Global<v8::Object>> bindings_;
  std::unordered_map<const void*, std::unique_ptr<BindingState>> binding_states_;
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_REALM_H_
