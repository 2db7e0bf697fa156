// The registry client: packuments (abbreviated, through the manifest cache, revalidated
// with ETag / Last-Modified) and tarball downloads streamed to a sink, with the registry,
// credentials and proxy for each URL chosen from the configuration as npm chooses them.
//
// Rules: as HttpClient's — one thread calls Fetch*() and Run(); every callback runs inside
// Run() on that thread, including answers served from the cache, and may start more
// fetches (a resolver enqueues each packument's dependencies as it arrives). Reading,
// abbreviating, parsing and caching packuments happens on a few worker threads owned by
// the client; their results are delivered on the calling thread like any other, and
// those threads touch nothing but the manifest cache.
#ifndef SKUA_PM_REGISTRY_CLIENT_H_
#define SKUA_PM_REGISTRY_CLIENT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "pm/config/network_options.h"
#include "pm/registry/http_client.h"
#include "pm/registry/manifest_cache.h"
#include "pm/registry/packument.h"
#include "pm/registry/work_queue.h"

namespace skua::pm::registry {

// The Accept header npm sends for abbreviated ("corgi") packuments.
inline constexpr std::string_view kCorgiAccept =
    "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

enum class PackumentSource {
  kNetwork,      // A 200 from the registry.
  kRevalidated,  // A 304: the cached copy was confirmed.
  kCache,        // Served from the cache without asking (fresh, prefer-offline, offline,
                 // or stale after a network failure).
};

struct PackumentResult {
  Packument packument;
  PackumentSource source = PackumentSource::kNetwork;
  int64_t max_age = 0;  // The cached copy's freshness in seconds (manifest_cache.h).
};

// A packument the client answered with, by the manifest cache file that holds it.
struct AnsweredPackument {
  std::string cache_path;
  int64_t max_age = 0;
};

// `<registry>/<name>` with a scoped name's '/' escaped: `@scope%2fname`.
std::string PackumentUrl(std::string_view registry, std::string_view name);

class RegistryClient {
 public:
  using PackumentCallback = std::function<void(Result<PackumentResult>)>;
  using DoneCallback = std::function<void(Status)>;

  // `cache_dir` is skua's cache folder ("" keeps no manifest cache). `http` overrides the
  // options derived from `network` (tests shorten timeouts this way).
  static Result<std::unique_ptr<RegistryClient>> Create(
      config::NetworkOptions network, std::string cache_dir,
      std::optional<HttpClientOptions> http = std::nullopt);

  // Fetches the packument of `name`. `spec` ("name@^1.0.0") is named in an E404;
  // empty means `name`.
  void FetchPackument(std::string name, PackumentCallback done, std::string spec = "");

  // Downloads `url` (a `dist.tarball`) for package `name` into `sink`. Credentials are
  // chosen for the URL against `name`'s registry, so a tarball on another host gets
  // none. `done` gets Ok after the last byte reached the sink, or the error. In offline
  // mode nothing is fetched: `done` gets ENOTCACHED and the id is 0. Tarballs wait behind
  // queued packuments (HttpRequest::background).
  HttpClient::TransferId FetchTarball(std::string url, std::string_view name, BodySink* sink,
                                      DoneCallback done);

  // Runs until every fetch (and every fetch their callbacks started) has finished.
  Status Run();
  // Runs until `until()` holds (checked as callbacks run) or nothing is left to do.
  Status RunUntil(const std::function<bool()>& until);

  // Fetches `names` in parallel and returns the results in the same order.
  std::vector<Result<PackumentResult>> FetchPackuments(const std::vector<std::string>& names);

  HttpClient& http() { return *http_; }
  const config::NetworkOptions& network() const { return network_; }
  // The manifest cache's name for the documents asked for ("corgi" or "full").
  std::string_view Kind() const;

  // With a manifest cache: every packument answered so far (what a resolution read), and
  // how many requests failed.
  std::vector<AnsweredPackument> answered() const;
  size_t failed_answers() const;

 private:
  RegistryClient(config::NetworkOptions network, std::string cache_dir,
                 std::unique_ptr<HttpClient> http);
  void OnPackumentResponse(const std::string& name, const std::string& spec,
                           const std::string& url, std::optional<CachedDocument> cached,
                           Result<HttpResponse> response, const PackumentCallback& done);
  // The network half of FetchPackument, once the cache said it cannot answer alone.
  void RequestPackument(std::string name, std::string spec, std::string url,
                        const std::string& registry, std::optional<CachedDocument> cached,
                        PackumentCallback done);
  // Threads for reading cached packuments, and for parsing downloaded ones: separate,
  // so that a cache lookup (on a cold install, a miss that sends the request) never
  // waits behind a large document being parsed.
  WorkQueue& cache_readers();
  WorkQueue& parsers();
  void RecordAnswer(const std::string& cache_path, const Result<PackumentResult>& r);

  config::NetworkOptions network_;
  std::optional<ManifestCache> cache_;
  std::unique_ptr<HttpClient> http_;
  mutable std::mutex answers_mutex_;
  std::vector<AnsweredPackument> answers_;
  size_t failed_answers_ = 0;
  // Last: their jobs read cache_, so they stop before the rest is destroyed.
  std::unique_ptr<WorkQueue> cache_readers_;
  std::unique_ptr<WorkQueue> parsers_;
};

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_CLIENT_H_
