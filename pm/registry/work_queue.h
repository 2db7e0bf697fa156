// A fixed set of threads running submitted jobs in submission order, for CPU work that
// the network thread hands off (reading and parsing cached packuments) and collects
// later through the returned future.
//
// Rules: Submit() may be called from any thread. The destructor stops the threads after
// their current job; jobs that never started are dropped, so their futures report
// std::future_errc::broken_promise. Jobs must not outlive what they capture: the owner
// destroys the queue before that state.
#ifndef SKUA_PM_REGISTRY_WORK_QUEUE_H_
#define SKUA_PM_REGISTRY_WORK_QUEUE_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace skua::pm::registry {

class WorkQueue {
 public:
  explicit WorkQueue(size_t threads);
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  template <typename F>
  auto Submit(F job) -> std::future<decltype(job())> {
    using R = decltype(job());
    auto task = std::make_shared<std::packaged_task<R()>>(std::move(job));
    std::future<R> result = task->get_future();
    Push([task] { (*task)(); });
    return result;
  }

 private:
  void Push(std::function<void()> job);
  void Work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_WORK_QUEUE_H_
