// Where tarball bytes come from: a pull interface the extractor reads chunk by chunk, with
// three implementations — memory (tests, small buffered downloads), a file, and a
// thread-safe queue that a network thread pushes into while an extraction job pulls.
#ifndef SKUA_PM_FETCH_BYTE_SOURCE_H_
#define SKUA_PM_FETCH_BYTE_SOURCE_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "base/status.h"

namespace skua::pm::fetch {

// Rules: Read() returns the next chunk, an empty view at the end, or an error. The view
// stays valid until the next Read() or the source's destruction. Called from one thread.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual Result<std::string_view> Read() = 0;
};

// Serves a caller-owned buffer in chunks of `chunk_size` (small sizes exercise chunk
// boundaries in tests).
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data, size_t chunk_size = 1 << 20)
      : data_(data), chunk_size_(chunk_size) {}
  Result<std::string_view> Read() override;

 private:
  std::string_view data_;  // Lifetime: the caller's buffer outlives the source.
  size_t chunk_size_;
};

// Reads a file in 128 KiB chunks (pnpm measured 128 KiB well ahead of 16 KiB for gunzip).
class FileSource : public ByteSource {
 public:
  static Result<std::unique_ptr<FileSource>> Open(const std::string& path);
  ~FileSource() override;
  Result<std::string_view> Read() override;

 private:
  FileSource(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
  std::string buffer_;
};

// A bounded producer/consumer queue. Rules: one producer thread calls Push() then Close()
// (or Fail()); one consumer calls Read(). Push() blocks while more than `max_buffered`
// bytes wait, which is the back-pressure a download needs against a slow disk; it returns
// false once the consumer has called Cancel() (the extraction failed: stop downloading).
class ChunkQueue : public ByteSource {
 public:
  explicit ChunkQueue(size_t max_buffered = 4 << 20) : max_buffered_(max_buffered) {}

  bool Push(std::string chunk);
  void Close();                 // Clean end of data.
  void Fail(Status status);     // The transfer failed; Read() returns `status`.
  void Cancel();                // Consumer side: no more data is wanted.

  Result<std::string_view> Read() override;

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> chunks_;
  std::string current_;  // The chunk last handed out by Read().
  size_t buffered_ = 0;
  size_t max_buffered_;
  bool closed_ = false;
  bool cancelled_ = false;
  Status failure_;
};

}  // namespace skua::pm::fetch

#endif  // SKUA_PM_FETCH_BYTE_SOURCE_H_
