// WorkQueue: results come back through futures, and one thread runs jobs in order.
#include "pm/registry/work_queue.h"

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <vector>

namespace skua::pm::registry {
namespace {

TEST(WorkQueueTest, ReturnsEachJobsResult) {
  WorkQueue queue(3);
  std::vector<std::future<int>> results;
  for (int i = 0; i < 100; ++i) results.push_back(queue.Submit([i] { return i * i; }));
  for (int i = 0; i < 100; ++i) EXPECT_EQ(results[i].get(), i * i);
}

TEST(WorkQueueTest, OneThreadRunsJobsInSubmissionOrder) {
  WorkQueue queue(1);
  std::mutex mutex;
  std::vector<int> order;
  std::vector<std::future<void>> done;
  for (int i = 0; i < 50; ++i) {
    done.push_back(queue.Submit([&, i] {
      std::lock_guard<std::mutex> lock(mutex);
      order.push_back(i);
    }));
  }
  for (auto& d : done) d.get();
  ASSERT_EQ(order.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(order[i], i);
}

TEST(WorkQueueTest, ZeroThreadsMeansOne) {
  WorkQueue queue(0);
  EXPECT_EQ(queue.Submit([] { return 7; }).get(), 7);
}

}  // namespace
}  // namespace skua::pm::registry
