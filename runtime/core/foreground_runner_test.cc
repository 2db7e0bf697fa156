#include "runtime/core/foreground_runner.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace skua {
namespace {

class RecordingTask : public v8::Task {
 public:
  RecordingTask(std::vector<int>* log, int id) : log_(log), id_(id) {}
  void Run() override { log_->push_back(id_); }

 private:
  std::vector<int>* log_;
  int id_;
};

class ForegroundRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(uv_loop_init(&loop_), 0); }
  void TearDown() override {
    uv_run(&loop_, UV_RUN_DEFAULT);  // Runs the close callbacks.
    EXPECT_EQ(uv_loop_close(&loop_), 0);
  }

  std::shared_ptr<ForegroundRunner> MakeRunner() {
    return std::make_shared<ForegroundRunner>(&loop_, [this](v8::Task* task) {
      wrapped_++;
      task->Run();
    });
  }

  uv_loop_t loop_;
  uv_timer_t guard_;  // Closed by the loop in TearDown, so it outlives the test body.
  int wrapped_ = 0;
};

TEST_F(ForegroundRunnerTest, HandlesDoNotKeepTheLoopAlive) {
  auto runner = MakeRunner();
  EXPECT_EQ(uv_run(&loop_, UV_RUN_NOWAIT), 0);
  runner->Shutdown();
}

TEST_F(ForegroundRunnerTest, RunsTasksInOrderThroughTheWrapper) {
  auto runner = MakeRunner();
  std::vector<int> log;
  runner->PostTask(std::make_unique<RecordingTask>(&log, 1));
  runner->PostNonNestableTask(std::make_unique<RecordingTask>(&log, 2));
  EXPECT_TRUE(runner->RunPendingTasks());
  EXPECT_EQ(log, (std::vector<int>{1, 2}));
  EXPECT_EQ(wrapped_, 2);
  EXPECT_FALSE(runner->RunPendingTasks());
  runner->Shutdown();
}

TEST_F(ForegroundRunnerTest, TaskPostedFromAnotherThreadWakesTheLoop) {
  auto runner = MakeRunner();
  std::vector<int> log;
  // A referenced timer keeps uv_run blocking in poll until the async wakes it.
  uv_timer_init(&loop_, &guard_);
  uv_timer_start(&guard_, [](uv_timer_t* t) { uv_timer_stop(t); }, 10000, 0);
  std::thread poster([&] { runner->PostTask(std::make_unique<RecordingTask>(&log, 7)); });
  poster.join();
  uv_run(&loop_, UV_RUN_ONCE);
  EXPECT_EQ(log, (std::vector<int>{7}));
  uv_close(reinterpret_cast<uv_handle_t*>(&guard_), nullptr);
  runner->Shutdown();
}

TEST_F(ForegroundRunnerTest, DelayedTaskRunsWhenDue) {
  auto runner = MakeRunner();
  std::vector<int> log;
  runner->PostDelayedTask(std::make_unique<RecordingTask>(&log, 3), 0.02);
  EXPECT_FALSE(runner->RunPendingTasks());  // Not due yet.
  // The runner's own timer is unref'd: something referenced must keep the loop running.
  uv_timer_init(&loop_, &guard_);
  uv_timer_start(&guard_, [](uv_timer_t* t) { uv_timer_stop(t); }, 10000, 0);
  uint64_t start = uv_hrtime();
  while (log.empty() && uv_hrtime() - start < 2'000'000'000ull) {
    uv_run(&loop_, UV_RUN_ONCE);
  }
  EXPECT_EQ(log, (std::vector<int>{3}));
  EXPECT_GE(uv_hrtime() - start, 15'000'000ull);
  uv_close(reinterpret_cast<uv_handle_t*>(&guard_), nullptr);
  runner->Shutdown();
}

TEST_F(ForegroundRunnerTest, ShutdownDropsQueuedTasks) {
  auto runner = MakeRunner();
  std::vector<int> log;
  runner->PostTask(std::make_unique<RecordingTask>(&log, 1));
  runner->Shutdown();
  runner->PostTask(std::make_unique<RecordingTask>(&log, 2));
  EXPECT_FALSE(runner->RunPendingTasks());
  EXPECT_TRUE(log.empty());
}

}  // namespace
}  // namespace skua
