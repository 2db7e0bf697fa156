// Watchdogs for node:vm code: a deadline (the `timeout` option) and SIGINT (the
// `breakOnSigint` option) both stop the isolate's JS with TerminateExecution. Used by
// contextify (Script#runInContext) and module_wrap (vm.Module#evaluate).
#ifndef SKUA_RUNTIME_BINDINGS_VM_WATCHDOG_H_
#define SKUA_RUNTIME_BINDINGS_VM_WATCHDOG_H_

#include <semaphore.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "v8.h"

namespace skua::contextify {

// Terminates the isolate's JS if it runs past a deadline (vm's `timeout` option).
class Watchdog {
 public:
  Watchdog(v8::Isolate* isolate, int64_t timeout_ms) : isolate_(isolate) {
    if (timeout_ms <= 0) return;
    thread_ = std::thread([this, timeout_ms] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return done_; })) {
        timed_out_ = true;
        isolate_->TerminateExecution();
      }
    });
  }
  ~Watchdog() { Finish(); }
  // Stops the watch; true when it fired.
  bool Finish() {
    if (thread_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        done_ = true;
      }
      cv_.notify_one();
      thread_.join();
    }
    return timed_out_;
  }

 private:
  v8::Isolate* isolate_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  bool timed_out_ = false;
};

// Turns SIGINT into TerminateExecution while vm code runs with breakOnSigint. Its own
// SIGINT action replaces the previous one (libuv's, when 'SIGINT' has listeners) for
// the run, so those listeners do not see the signal; the destructor puts it back.
// The handler only posts a semaphore; a thread terminates the isolate.
class SigintWatchdog {
 public:
  SigintWatchdog(v8::Isolate* isolate, bool enabled) : isolate_(isolate), enabled_(enabled) {
    if (!enabled_) return;
    sem_init(&sem_, 0, 0);
    outer_ = current_.exchange(this);
    struct sigaction action = {};
    action.sa_handler = OnSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_action_);
    thread_ = std::thread([this] {
      while (sem_wait(&sem_) != 0 && errno == EINTR) {
      }
      if (!stopping_.load()) isolate_->TerminateExecution();
    });
  }
  ~SigintWatchdog() { Finish(); }

  // Stops watching and restores the previous action; true when SIGINT arrived.
  bool Finish() {
    if (!enabled_) return false;
    enabled_ = false;
    sigaction(SIGINT, &old_action_, nullptr);
    current_.store(outer_);
    stopping_.store(true);
    sem_post(&sem_);
    thread_.join();
    sem_destroy(&sem_);
    return fired_.load();
  }

 private:
  static void OnSignal(int) {
    SigintWatchdog* watchdog = current_.load();
    if (watchdog == nullptr) return;
    watchdog->fired_.store(true);
    sem_post(&watchdog->sem_);
  }

  static inline std::atomic<SigintWatchdog*> current_{nullptr};
  v8::Isolate* isolate_;
  bool enabled_;
  SigintWatchdog* outer_ = nullptr;
  sem_t sem_;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> fired_{false};
  struct sigaction old_action_ = {};
};

}  // namespace skua::contextify

#endif  // SKUA_RUNTIME_BINDINGS_VM_WATCHDOG_H_
