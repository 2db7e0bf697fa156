// Tests for the byte sources, including the producer/consumer queue across threads.
#include "pm/fetch/byte_source.h"

#include <string>
#include <thread>

#include "gtest/gtest.h"

namespace skua::pm::fetch {
namespace {

std::string ReadAll(ByteSource& source) {
  std::string out;
  while (true) {
    Result<std::string_view> chunk = source.Read();
    EXPECT_TRUE(chunk.ok());
    if (!chunk.ok() || chunk->empty()) return out;
    out.append(chunk->data(), chunk->size());
  }
}

TEST(ByteSourceTest, MemorySourceChunks) {
  MemorySource source("abcdefg", 3);
  EXPECT_EQ(*source.Read(), "abc");
  EXPECT_EQ(*source.Read(), "def");
  EXPECT_EQ(*source.Read(), "g");
  EXPECT_TRUE(source.Read()->empty());
}

TEST(ByteSourceTest, FileSourceMissingFile) {
  EXPECT_FALSE(FileSource::Open("/nonexistent/skua/file").ok());
}

TEST(ByteSourceTest, QueueAcrossThreadsWithBackPressure) {
  ChunkQueue queue(/*max_buffered=*/16);
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += std::to_string(i) + ",";
  std::thread producer([&] {
    for (int i = 0; i < 1000; ++i) ASSERT_TRUE(queue.Push(std::to_string(i) + ","));
    queue.Push("");  // Ignored, not an end marker.
    queue.Close();
  });
  EXPECT_EQ(ReadAll(queue), expected);
  producer.join();
}

TEST(ByteSourceTest, QueueFailureReachesConsumer) {
  ChunkQueue queue;
  queue.Push("x");
  queue.Fail(IoError("connection reset"));
  EXPECT_EQ(*queue.Read(), "x");
  Result<std::string_view> next = queue.Read();
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.status().message(), "connection reset");
}

TEST(ByteSourceTest, CancelUnblocksProducer) {
  ChunkQueue queue(/*max_buffered=*/1);
  std::thread producer([&] {
    queue.Push("first");
    EXPECT_FALSE(queue.Push("second"));  // Blocks until cancelled.
  });
  queue.Cancel();
  producer.join();
}

}  // namespace
}  // namespace skua::pm::fetch
