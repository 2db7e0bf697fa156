// The bridge from a download to pm/fetch's one-pass extractor: a BodySink on the network
// side and a fetch::ByteSource on the extraction side, so tarball bytes flow from curl's
// write callback straight into gunzip + untar + sha512 on another thread.
//
// Rules:
//   - Network side (the HttpClient's thread): Bind() once after starting the transfer,
//     then OnData()/Restart() are called by the client and Finish() by the done callback.
//   - Consumer side (one other thread): Read() until the end or an error, then Cancel()
//     — always, also after success — so a consumer that gave up early never leaves the
//     transfer paused (Run() would wait for it forever).
//   - Back-pressure never blocks the network thread: when more than `max_buffered` bytes
//     wait, OnData() pauses the transfer, and Read() resumes it (HttpClient::Resume) once
//     half has been consumed. Other transfers keep running meanwhile.
#ifndef SKUA_PM_REGISTRY_TARBALL_STREAM_H_
#define SKUA_PM_REGISTRY_TARBALL_STREAM_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

#include "base/status.h"
#include "pm/fetch/byte_source.h"
#include "pm/registry/http_client.h"

namespace skua::pm::registry {

class TarballStream : public fetch::ByteSource, public BodySink {
 public:
  explicit TarballStream(size_t max_buffered = 4 << 20) : max_buffered_(max_buffered) {}

  // Network side.
  void Bind(HttpClient* client, HttpClient::TransferId id);
  Action OnData(std::string_view chunk) override;
  bool Restart() override;     // Possible only while the consumer has read nothing.
  void Finish(Status status);  // Ok: end of data; otherwise Read() returns `status`.

  // Consumer side.
  Result<std::string_view> Read() override;
  void Cancel();

  uint64_t bytes_received() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> chunks_;
  std::string current_;  // The chunk last returned by Read().
  size_t buffered_ = 0;
  size_t max_buffered_;
  uint64_t received_ = 0;
  bool consumed_any_ = false;
  bool paused_ = false;
  bool finished_ = false;
  bool cancelled_ = false;
  Status failure_;
  HttpClient* client_ = nullptr;  // Lifetime: the client outlives the transfer.
  HttpClient::TransferId id_ = 0;
};

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_TARBALL_STREAM_H_
