// Download-to-extractor queue with pause/resume back-pressure.
#include "pm/registry/tarball_stream.h"

namespace skua::pm::registry {

void TarballStream::Bind(HttpClient* client, HttpClient::TransferId id) {
  std::lock_guard<std::mutex> lock(mutex_);
  client_ = client;
  id_ = id;
}

BodySink::Action TarballStream::OnData(std::string_view chunk) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cancelled_) return Action::kAbort;
  if (buffered_ >= max_buffered_) {
    paused_ = true;  // curl keeps `chunk` and offers it again after Resume().
    return Action::kPause;
  }
  chunks_.emplace_back(chunk);
  buffered_ += chunk.size();
  received_ += chunk.size();
  changed_.notify_one();
  return Action::kContinue;
}

bool TarballStream::Restart() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (consumed_any_ || cancelled_) return false;
  chunks_.clear();
  buffered_ = 0;
  received_ = 0;
  return true;
}

void TarballStream::Finish(Status status) {
  std::lock_guard<std::mutex> lock(mutex_);
  finished_ = true;
  failure_ = std::move(status);
  changed_.notify_one();
}

Result<std::string_view> TarballStream::Read() {
  bool resume = false;
  HttpClient* client = nullptr;
  HttpClient::TransferId id = 0;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return !chunks_.empty() || finished_; });
    if (chunks_.empty()) {
      if (!failure_.ok()) return failure_;
      return std::string_view();
    }
    current_ = std::move(chunks_.front());
    chunks_.pop_front();
    buffered_ -= current_.size();
    consumed_any_ = true;
    if (paused_ && buffered_ <= max_buffered_ / 2) {
      paused_ = false;
      resume = true;
      client = client_;
      id = id_;
    }
  }
  if (resume && client != nullptr) client->Resume(id);
  return std::string_view(current_);
}

void TarballStream::Cancel() {
  HttpClient* client = nullptr;
  HttpClient::TransferId id = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_ || cancelled_) {
      cancelled_ = true;
      return;
    }
    cancelled_ = true;
    chunks_.clear();
    buffered_ = 0;
    if (paused_) {
      // The transfer must run once more to see the cancellation and abort.
      paused_ = false;
      client = client_;
      id = id_;
    }
  }
  if (client != nullptr) client->Resume(id);
}

uint64_t TarballStream::bytes_received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

}  // namespace skua::pm::registry
