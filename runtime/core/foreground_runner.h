// The per-isolate queue of V8 foreground tasks, drained on the isolate's libuv loop.
// See platform.h for the rules.
#ifndef SKUA_RUNTIME_CORE_FOREGROUND_RUNNER_H_
#define SKUA_RUNTIME_CORE_FOREGROUND_RUNNER_H_

#include <uv.h>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "v8-platform.h"

namespace skua {

class ForegroundRunner : public v8::TaskRunner {
 public:
  using TaskWrapper = std::function<void(v8::Task*)>;

  // Starts the (unref'd) async and timer handles on `loop`; loop thread only.
  ForegroundRunner(uv_loop_t* loop, TaskWrapper wrapper);
  ~ForegroundRunner() override;

  // Closes the handles; loop thread only. Queued tasks are dropped.
  void Shutdown();

  // Runs every task queued so far (delayed ones only when due). Returns whether any ran.
  bool RunPendingTasks();

  // v8::TaskRunner; callable from any thread.
  void PostTask(std::unique_ptr<v8::Task> task) override;
  void PostNonNestableTask(std::unique_ptr<v8::Task> task) override;
  void PostDelayedTask(std::unique_ptr<v8::Task> task, double delay_in_seconds) override;
  void PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task,
                                  double delay_in_seconds) override;
  void PostIdleTask(std::unique_ptr<v8::IdleTask> task) override {}
  bool IdleTasksEnabled() override { return false; }
  bool NonNestableTasksEnabled() const override { return true; }
  bool NonNestableDelayedTasksEnabled() const override { return true; }

 private:
  struct DelayedTask {
    uint64_t due_ms;  // In uv_hrtime milliseconds.
    std::unique_ptr<v8::Task> task;
  };

  static void OnAsync(uv_async_t* handle);
  static void OnTimer(uv_timer_t* handle);
  void ArmTimer();

  uv_loop_t* loop_;
  TaskWrapper wrapper_;
  // Lifetime: heap-allocated so they can outlive this object until their close callbacks.
  uv_async_t* async_;
  uv_timer_t* timer_;
  std::mutex mutex_;
  std::deque<std::unique_ptr<v8::Task>> tasks_;
  std::vector<DelayedTask> delayed_;
  bool shut_down_ = false;
};

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_FOREGROUND_RUNNER_H_
