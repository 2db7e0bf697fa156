// skua's v8::Platform: V8's default platform plus loop-driven foreground runners.
#include "runtime/core/platform.h"

#include "base/check.h"
#include "libplatform/libplatform.h"
#include "runtime/core/foreground_runner.h"

namespace skua {

// Wraps a worker task so DrainTasks can wait until every posted one has finished.
class Platform::CountedTask : public v8::Task {
 public:
  CountedTask(Platform* platform, std::unique_ptr<v8::Task> task)
      : platform_(platform), task_(std::move(task)) {
    std::lock_guard<std::mutex> lock(platform_->workers_mutex_);
    platform_->outstanding_worker_tasks_++;
  }
  ~CountedTask() override {
    std::lock_guard<std::mutex> lock(platform_->workers_mutex_);
    if (--platform_->outstanding_worker_tasks_ == 0) platform_->workers_done_.notify_all();
  }
  void Run() override { task_->Run(); }

 private:
  Platform* platform_;
  std::unique_ptr<v8::Task> task_;
};

Platform::Platform(int worker_threads)
    : default_platform_(v8::platform::NewDefaultPlatform(worker_threads)) {}

Platform::~Platform() = default;

void Platform::RegisterIsolate(v8::Isolate* isolate, uv_loop_t* loop, TaskWrapper wrapper) {
  auto runner = std::make_shared<ForegroundRunner>(loop, std::move(wrapper));
  std::lock_guard<std::mutex> lock(mutex_);
  CHECK(runners_.emplace(isolate, std::move(runner)).second);
}

void Platform::UnregisterIsolate(v8::Isolate* isolate) {
  std::shared_ptr<ForegroundRunner> runner;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = runners_.find(isolate);
    CHECK(it != runners_.end());
    runner = std::move(it->second);
    runners_.erase(it);
  }
  runner->Shutdown();
}

bool Platform::DrainTasks(v8::Isolate* isolate) {
  std::shared_ptr<ForegroundRunner> runner;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    runner = runners_.at(isolate);
  }
  bool ran_any = false;
  bool ran;
  do {
    {
      std::unique_lock<std::mutex> lock(workers_mutex_);
      workers_done_.wait(lock, [this] { return outstanding_worker_tasks_ == 0; });
    }
    ran = runner->RunPendingTasks();
    ran_any |= ran;
  } while (ran);
  return ran_any;
}

v8::PageAllocator* Platform::GetPageAllocator() { return default_platform_->GetPageAllocator(); }

int Platform::NumberOfWorkerThreads() { return default_platform_->NumberOfWorkerThreads(); }

std::shared_ptr<v8::TaskRunner> Platform::GetForegroundTaskRunner(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = runners_.find(isolate);
  CHECK(it != runners_.end());
  return it->second;
}

void Platform::CallOnWorkerThread(std::unique_ptr<v8::Task> task) {
  default_platform_->CallOnWorkerThread(std::make_unique<CountedTask>(this, std::move(task)));
}

void Platform::CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay) {
  // Not counted: a delayed worker task must not make DrainTasks wait for its delay.
  default_platform_->CallDelayedOnWorkerThread(std::move(task), delay);
}

std::unique_ptr<v8::JobHandle> Platform::PostJob(v8::TaskPriority priority,
                                                 std::unique_ptr<v8::JobTask> job_task) {
  return v8::platform::NewDefaultJobHandle(this, priority, std::move(job_task),
                                           NumberOfWorkerThreads());
}

double Platform::MonotonicallyIncreasingTime() {
  return default_platform_->MonotonicallyIncreasingTime();
}

double Platform::CurrentClockTimeMillis() { return default_platform_->CurrentClockTimeMillis(); }

v8::TracingController* Platform::GetTracingController() {
  return default_platform_->GetTracingController();
}

}  // namespace skua
