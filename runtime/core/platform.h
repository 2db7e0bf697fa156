// skua's v8::Platform. Worker threads, time and tracing come from V8's default platform;
// foreground tasks (posted by V8 for an isolate, often from worker threads: finished wasm
// compiles, GC finalisation, Atomics.waitAsync timeouts) are queued here and run on the
// isolate's libuv loop, which a uv_async_t wakes. The default platform alone would leave
// them unrun until something else woke the loop.
//
// Rules: one ForegroundRunner per isolate, registered before Isolate::Initialize and
// unregistered before Isolate::Dispose, both on the loop thread. PostTask may be called
// from any thread; tasks run only on the loop thread, inside a callback scope supplied by
// the realm (so nextTicks and microtasks drain after each one). The runner's handles are
// unref'd: pending V8 tasks never keep the process alive.
#ifndef SKUA_RUNTIME_CORE_PLATFORM_H_
#define SKUA_RUNTIME_CORE_PLATFORM_H_

#include <uv.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "v8-platform.h"

namespace skua {

class ForegroundRunner;

class Platform : public v8::Platform {
 public:
  explicit Platform(int worker_threads);
  ~Platform() override;

  // Runs `task` (a V8 task) for the embedder, e.g. inside a callback scope.
  using TaskWrapper = std::function<void(v8::Task*)>;

  void RegisterIsolate(v8::Isolate* isolate, uv_loop_t* loop, TaskWrapper wrapper);
  void UnregisterIsolate(v8::Isolate* isolate);

  // Waits for outstanding worker tasks, then runs queued foreground tasks; repeats while
  // that did work. Returns whether any foreground task ran.
  bool DrainTasks(v8::Isolate* isolate);

  // v8::Platform.
  v8::PageAllocator* GetPageAllocator() override;
  int NumberOfWorkerThreads() override;
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(v8::Isolate* isolate) override;
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay) override;
  bool IdleTasksEnabled(v8::Isolate* isolate) override { return false; }
  std::unique_ptr<v8::JobHandle> PostJob(v8::TaskPriority priority,
                                         std::unique_ptr<v8::JobTask> job_task) override;
  double MonotonicallyIncreasingTime() override;
  double CurrentClockTimeMillis() override;
  v8::TracingController* GetTracingController() override;

 private:
  class CountedTask;

  std::unique_ptr<v8::Platform> default_platform_;
  std::mutex mutex_;
  std::unordered_map<v8::Isolate*, std::shared_ptr<ForegroundRunner>> runners_;
  // Worker tasks posted and not yet finished; DrainTasks waits for zero.
  std::mutex workers_mutex_;
  std::condition_variable workers_done_;
  int outstanding_worker_tasks_ = 0;
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_PLATFORM_H_
