// Byte sources for the extractor; see byte_source.h.
#include "pm/fetch/byte_source.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "pm/fsutil/fsutil.h"

namespace skua::pm::fetch {

Result<std::string_view> MemorySource::Read() {
  size_t n = data_.size() < chunk_size_ ? data_.size() : chunk_size_;
  std::string_view chunk = data_.substr(0, n);
  data_.remove_prefix(n);
  return chunk;
}

Result<std::unique_ptr<FileSource>> FileSource::Open(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fsutil::ErrnoStatus("open", path, errno);
  return std::unique_ptr<FileSource>(new FileSource(fd, path));
}

FileSource::~FileSource() { close(fd_); }

Result<std::string_view> FileSource::Read() {
  buffer_.resize(128 * 1024);
  while (true) {
    ssize_t n = read(fd_, buffer_.data(), buffer_.size());
    if (n >= 0) return std::string_view(buffer_.data(), static_cast<size_t>(n));
    if (errno != EINTR) return fsutil::ErrnoStatus("read", path_, errno);
  }
}

bool ChunkQueue::Push(std::string chunk) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (chunk.empty()) return !cancelled_;  // An empty chunk would read as the end.
  changed_.wait(lock, [&] { return cancelled_ || buffered_ < max_buffered_; });
  if (cancelled_) return false;
  buffered_ += chunk.size();
  chunks_.push_back(std::move(chunk));
  changed_.notify_all();
  return true;
}

void ChunkQueue::Close() {
  std::lock_guard<std::mutex> lock(mutex_);
  closed_ = true;
  changed_.notify_all();
}

void ChunkQueue::Fail(Status status) {
  std::lock_guard<std::mutex> lock(mutex_);
  failure_ = std::move(status);
  closed_ = true;
  changed_.notify_all();
}

void ChunkQueue::Cancel() {
  std::lock_guard<std::mutex> lock(mutex_);
  cancelled_ = true;
  chunks_.clear();
  buffered_ = 0;
  changed_.notify_all();
}

Result<std::string_view> ChunkQueue::Read() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return !chunks_.empty() || closed_ || cancelled_; });
  if (!chunks_.empty()) {
    current_ = std::move(chunks_.front());
    chunks_.pop_front();
    buffered_ -= current_.size();
    changed_.notify_all();
    return std::string_view(current_);
  }
  if (!failure_.ok()) return failure_;
  return std::string_view();
}

}  // namespace skua::pm::fetch
