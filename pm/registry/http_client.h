// An HTTP client on libcurl's multi interface for the package manager: many transfers at
// once over shared connections (keep-alive, and HTTP/2 multiplexing when a server offers
// it), a per-host connection limit, timeouts, npm's retry rules with exponential back-off,
// gzip/deflate decoding on request, proxies and CA settings, and response bodies either
// collected or streamed to a caller's sink.
//
// Rules:
//   - One thread owns a client: Start() and Run() are called on it, and every callback
//     and sink method (except as noted) runs on it, inside Run(). Callbacks may Start()
//     more transfers; Run() returns once nothing is queued, running or waiting to retry.
//   - Resume() is the one thread-safe method: a sink that paused (its consumer is behind)
//     is resumed from the consumer's thread.
//   - A sink must outlive its transfer (until the done callback has run).
//   - This layer does not judge HTTP statuses: a 404 is a response. Network failures (and
//     statuses npm retries, once retries run out, are returned as responses) become a
//     Status whose message starts with npm's code (ECONNREFUSED, ETIMEDOUT, ...).
#ifndef SKUA_PM_REGISTRY_HTTP_CLIENT_H_
#define SKUA_PM_REGISTRY_HTTP_CLIENT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "pm/config/network_options.h"

namespace skua::pm::registry {

// Receives the body of a 2xx response as it arrives.
class BodySink {
 public:
  enum class Action { kContinue, kPause, kAbort };
  virtual ~BodySink() = default;
  // kPause: the chunk was NOT taken; it is offered again after HttpClient::Resume().
  // kAbort: stop the transfer; it fails with EABORTED.
  virtual Action OnData(std::string_view chunk) = 0;
  // A retry is about to start over after part of the body was delivered. Return true
  // when the sink has discarded what it got; false makes the failure final.
  virtual bool Restart() { return false; }
};

struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  // "Name: value".
  std::string authorization;         // The Authorization value, or "" for none.
  // A TLS client certificate and its private key, PEM files (npm's `certfile` and
  // `keyfile`), or "" for none.
  std::string client_cert;
  std::string client_key;
  std::string proxy;                 // Proxy URL, or "" to connect directly.
  bool decode_content = false;       // Offer gzip/deflate and decode the response.
  // Admitted only when no other transfer waits: tarballs queue behind packuments, which
  // are on the resolver's critical path. Each class keeps its own first-in first-out order.
  bool background = false;
  BodySink* sink = nullptr;          // Lifetime: must outlive the transfer.
};

struct HttpResponse {
  long status = 0;
  std::string status_text;  // "Not Found": the standard phrase for `status`.
  std::vector<std::pair<std::string, std::string>> headers;  // Names lower-cased.
  std::string body;          // Empty when a sink took it.
  std::string effective_url;  // After redirects.
  int attempts = 1;
  long http_version = 0;     // CURL_HTTP_VERSION_* of the final response.

  const std::string* Header(std::string_view lower_name) const;
};

struct HttpClientOptions {
  int max_host_connections = 48;        // npm's maxsockets.
  int max_concurrent_transfers = 64;    // Admitted to curl at once; the rest wait here.
  bool multiplex = true;                // HTTP/2 streams share a connection.
  int64_t timeout_ms = 300'000;         // Whole transfer; 0 for none.
  int64_t connect_timeout_ms = 30'000;
  config::RetryOptions retry;
  bool strict_ssl = true;
  std::string cafile;
  std::vector<std::string> ca;          // PEM certificates.
  std::string user_agent;
};

HttpClientOptions HttpClientOptionsFrom(const config::NetworkOptions& network);

struct HttpStats {
  uint64_t transfers = 0;     // Finished, including failures.
  uint64_t attempts = 0;      // Including retries.
  uint64_t connections = 0;   // New connections opened.
  uint64_t bytes = 0;         // Body bytes received (after decoding).
};

class HttpClient {
 public:
  using TransferId = uint64_t;
  using Callback = std::function<void(Result<HttpResponse>)>;

  static Result<std::unique_ptr<HttpClient>> Create(HttpClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Queues a transfer; `done` runs exactly once, inside Run().
  TransferId Start(HttpRequest request, Callback done);

  // Drives every transfer to completion (curl_multi_poll on this thread).
  Status Run();
  // As Run(), but also returns as soon as `until()` is true after some callbacks ran (or
  // before any); transfers still running then continue in the next Run().
  Status RunUntil(const std::function<bool()>& until);

  // Runs `task` inside Run() (on this thread) before the next poll; keeps Run() going
  // until it has run. Lets a caller answer from a cache with the same callback order as
  // a network answer.
  void Post(std::function<void()> task);

  // Runs `task` inside Run() once `ready()` is true, after the tasks given here before
  // it; Run() keeps driving transfers meanwhile (where waiting for a worker would stall
  // every download), and keeps going until it has run. Whatever makes `ready()` true
  // calls Wake() afterwards. Only once a transfer has started (Wake needs curl).
  void PostWhenReady(std::function<bool()> ready, std::function<void()> task);
  // Thread-safe: ends Run()'s current wait so it looks at PostWhenReady tasks again.
  void Wake();

  // Thread-safe: un-pauses a transfer whose sink returned kPause.
  void Resume(TransferId id);

  const HttpStats& stats() const { return stats_; }
  const HttpClientOptions& options() const { return options_; }

  class Impl;

 private:
  explicit HttpClient(HttpClientOptions options);
  // Opens libcurl and creates the multi handle, once, before the first transfer starts.
  Status StartCurl();

  HttpClientOptions options_;
  HttpStats stats_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_HTTP_CLIENT_H_
