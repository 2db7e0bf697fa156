// Foreground task queue of one isolate, woken through libuv.
#include "runtime/core/foreground_runner.h"

#include <algorithm>

#include "base/check.h"

namespace skua {

namespace {
uint64_t NowMs() { return uv_hrtime() / 1000000; }
}  // namespace

ForegroundRunner::ForegroundRunner(uv_loop_t* loop, TaskWrapper wrapper)
    : loop_(loop), wrapper_(std::move(wrapper)), async_(new uv_async_t), timer_(new uv_timer_t) {
  CHECK_EQ(uv_async_init(loop_, async_, OnAsync), 0);
  async_->data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(async_));
  CHECK_EQ(uv_timer_init(loop_, timer_), 0);
  timer_->data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(timer_));
}

ForegroundRunner::~ForegroundRunner() { CHECK(shut_down_); }

void ForegroundRunner::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shut_down_ = true;
    tasks_.clear();
    delayed_.clear();
  }
  auto free_handle = [](uv_handle_t* handle) {
    if (handle->type == UV_ASYNC) delete reinterpret_cast<uv_async_t*>(handle);
    else delete reinterpret_cast<uv_timer_t*>(handle);
  };
  uv_close(reinterpret_cast<uv_handle_t*>(async_), free_handle);
  uv_close(reinterpret_cast<uv_handle_t*>(timer_), free_handle);
}

void ForegroundRunner::PostTask(std::unique_ptr<v8::Task> task) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shut_down_) return;
  tasks_.push_back(std::move(task));
  uv_async_send(async_);
}

void ForegroundRunner::PostNonNestableTask(std::unique_ptr<v8::Task> task) {
  // Tasks only ever run from the loop, never nested inside another task.
  PostTask(std::move(task));
}

void ForegroundRunner::PostDelayedTask(std::unique_ptr<v8::Task> task, double delay) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shut_down_) return;
  uint64_t due = NowMs() + static_cast<uint64_t>(delay * 1000);
  delayed_.push_back({due, std::move(task)});
  // The timer is armed on the loop thread, which the async wakes.
  uv_async_send(async_);
}

void ForegroundRunner::PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task,
                                                  double delay) {
  PostDelayedTask(std::move(task), delay);
}

bool ForegroundRunner::RunPendingTasks() {
  std::deque<std::unique_ptr<v8::Task>> ready;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ready.swap(tasks_);
    uint64_t now = NowMs();
    auto due = std::stable_partition(delayed_.begin(), delayed_.end(),
                                     [now](const DelayedTask& t) { return t.due_ms > now; });
    for (auto it = due; it != delayed_.end(); ++it) ready.push_back(std::move(it->task));
    delayed_.erase(due, delayed_.end());
  }
  for (auto& task : ready) wrapper_(task.get());
  ArmTimer();
  return !ready.empty();
}

void ForegroundRunner::ArmTimer() {
  uint64_t next = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shut_down_) return;
    for (const DelayedTask& t : delayed_) {
      if (next == 0 || t.due_ms < next) next = t.due_ms;
    }
  }
  if (next == 0) {
    uv_timer_stop(timer_);
    return;
  }
  uint64_t now = NowMs();
  uv_timer_start(timer_, OnTimer, next > now ? next - now : 0, 0);
}

void ForegroundRunner::OnAsync(uv_async_t* handle) {
  static_cast<ForegroundRunner*>(handle->data)->RunPendingTasks();
}

void ForegroundRunner::OnTimer(uv_timer_t* handle) {
  static_cast<ForegroundRunner*>(handle->data)->RunPendingTasks();
}

}  // namespace skua
