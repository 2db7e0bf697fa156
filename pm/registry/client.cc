// Packument fetching with the manifest cache, and tarball downloads.
#include "pm/registry/client.h"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <future>
#include <thread>
#include <utility>

#include "pm/registry/http_errors.h"

namespace skua::pm::registry {
namespace {

constexpr std::string_view kCorgiKind = "corgi";
constexpr std::string_view kFullKind = "full";
constexpr std::string_view kFullAccept = "application/json";

// Freshness given to a packument whose response has no Cache-Control at all (some
// mirrors strip it together with ETag and Last-Modified, which would otherwise make every
// install download every packument again). 300 s is what the public npm registry sends
// and what bun assumes for every manifest. RFC 9111 §4.2.2 allows such a heuristic.
// Differs from npm: make-fetch-happen treats such a response as stale at once.
constexpr int64_t kHeuristicMaxAge = 300;

int64_t MaxAgeOf(const std::string* cache_control) {
  return cache_control ? ParseMaxAge(*cache_control) : kHeuristicMaxAge;
}

int64_t UnixNow() { return static_cast<int64_t>(std::time(nullptr)); }

Status JsonParseError(std::string_view url, const Status& status) {
  return InvalidArgument("EJSONPARSE: invalid response body while trying to fetch " +
                         RedactUrl(url) + ": " + status.message());
}

Result<PackumentResult> Parsed(std::string body, std::string_view name,
                               std::string_view url, PackumentSource source, int64_t max_age) {
  Result<Packument> packument = ParseOwnedPackument(std::move(body), name);
  if (!packument.ok()) return JsonParseError(url, packument.status());
  return PackumentResult{std::move(packument).value(), source, max_age};
}

// A cached document: rebuilt from its stored index over the mapped file when it has one
// (no parse), else parsed from a copy of the text.
Result<PackumentResult> Parsed(const CachedDocument& cached, std::string_view name,
                               std::string_view url, PackumentSource source) {
  if (!cached.index.empty()) {
    Result<Packument> packument = Packument::FromIndex(cached.mapped, cached.mapped_size, cached.index);
    if (packument.ok()) return PackumentResult{std::move(packument).value(), source, cached.max_age};
  }
  std::string body;
  body.reserve(cached.Body().size() + kPackumentPadding);
  body.append(cached.Body());
  return Parsed(std::move(body), name, url, source, cached.max_age);
}

// The Authorization header and TLS client certificate npm would use for `request.url`.
void SetCredentials(const config::NetworkOptions& network, std::string_view registry, HttpRequest* request) {
  config::Credentials credentials = network.CredentialsFor(request->url, registry);
  request->authorization = credentials.Authorization();
  if (!credentials.certfile.empty() && !credentials.keyfile.empty()) {
    request->client_cert = credentials.certfile;
    request->client_key = credentials.keyfile;
  }
}

}  // namespace

std::string PackumentUrl(std::string_view registry, std::string_view name) {
  std::string base(registry);
  while (base.ends_with("/")) base.pop_back();
  std::string escaped(name);
  if (escaped.starts_with("@")) {
    size_t slash = escaped.find('/');
    if (slash != std::string::npos) escaped.replace(slash, 1, "%2f");
  }
  return base + "/" + escaped;
}

RegistryClient::RegistryClient(config::NetworkOptions network, std::string cache_dir,
                               std::unique_ptr<HttpClient> http)
    : network_(std::move(network)), http_(std::move(http)) {
  if (!cache_dir.empty()) cache_.emplace(std::move(cache_dir));
}

Result<std::unique_ptr<RegistryClient>> RegistryClient::Create(
    config::NetworkOptions network, std::string cache_dir, std::optional<HttpClientOptions> http) {
  Result<std::unique_ptr<HttpClient>> client =
      HttpClient::Create(http ? std::move(*http) : HttpClientOptionsFrom(network));
  if (!client.ok()) return client.status();
  return std::unique_ptr<RegistryClient>(
      new RegistryClient(std::move(network), std::move(cache_dir), std::move(client).value()));
}

void RegistryClient::FetchPackument(std::string name, PackumentCallback done, std::string spec) {
  if (spec.empty()) spec = name;
  Result<std::string> registry = network_.RegistryFor(name);
  if (!registry.ok()) {
    http_->Post([done = std::move(done), status = registry.status()] { done(status); });
    return;
  }
  std::string url = PackumentUrl(*registry, name);
  config::CacheMode mode = network_.cache_mode;
  if (!cache_) {
    RequestPackument(std::move(name), std::move(spec), std::move(url), *registry, std::nullopt,
                     std::move(done));
    return;
  }
  // Each answer is recorded with the cache file that now holds it (answered()).
  done = [this, path = cache_->PathFor(url, Kind()), done = std::move(done)](Result<PackumentResult> r) {
    RecordAnswer(path, r);
    done(std::move(r));
  };
  // A worker reads the cached copy and, when it may answer without asking, parses it; the
  // answer is delivered from the loop in request order. Large packuments make parsing
  // the bulk of a warm install's resolution, so it runs beside the tree builder.
  struct CacheRead {
    std::optional<CachedDocument> cached;
    std::optional<Result<PackumentResult>> answer;
  };
  auto read = std::make_shared<std::future<CacheRead>>(cache_readers().Submit([this, url, name, mode] {
    CacheRead out;
    // Even prefer-online reads the cached copy: its validators make the request conditional.
    out.cached = cache_->Load(url, Kind());
    bool use_cached = out.cached && (mode == config::CacheMode::kOffline ||
                                     mode == config::CacheMode::kPreferOffline ||
                                     (mode == config::CacheMode::kDefault &&
                                      out.cached->IsFresh(UnixNow())));
    if (use_cached) {
      out.answer.emplace(Parsed(*out.cached, name, url, PackumentSource::kCache));
      out.cached.reset();  // Answered: the text need not wait in the queue.
    }
    return out;
  }));
  http_->Post([this, read, name = std::move(name), spec = std::move(spec), url = std::move(url),
               registry = *registry, done = std::move(done)]() mutable {
    CacheRead r = read->get();
    if (r.answer) {
      done(std::move(*r.answer));
    } else {
      RequestPackument(std::move(name), std::move(spec), std::move(url), registry,
                       std::move(r.cached), std::move(done));
    }
  });
}

namespace {
size_t WorkerThreads() { return std::clamp(std::thread::hardware_concurrency(), 2u, 4u); }
}  // namespace

std::string_view RegistryClient::Kind() const { return network_.full_metadata ? kFullKind : kCorgiKind; }

WorkQueue& RegistryClient::cache_readers() {
  if (!cache_readers_) cache_readers_ = std::make_unique<WorkQueue>(WorkerThreads());
  return *cache_readers_;
}

WorkQueue& RegistryClient::parsers() {
  if (!parsers_) parsers_ = std::make_unique<WorkQueue>(WorkerThreads());
  return *parsers_;
}

void RegistryClient::RequestPackument(std::string name, std::string spec, std::string url,
                                      const std::string& registry,
                                      std::optional<CachedDocument> cached,
                                      PackumentCallback done) {
  // Offline, a cache miss is an error rather than a request.
  if (network_.cache_mode == config::CacheMode::kOffline) {
    http_->Post([done = std::move(done), url] {
      done(IoError("ENOTCACHED: request to " + RedactUrl(url) +
                   " failed: cache mode is 'only-if-cached' but no cached response is "
                   "available (--offline)."));
    });
    return;
  }
  HttpRequest request;
  request.url = url;
  request.headers.push_back("Accept: " + std::string(network_.full_metadata ? kFullAccept : kCorgiAccept));
  if (cached && !cached->etag.empty()) request.headers.push_back("If-None-Match: " + cached->etag);
  if (cached && !cached->last_modified.empty()) {
    request.headers.push_back("If-Modified-Since: " + cached->last_modified);
  }
  SetCredentials(network_, registry, &request);
  request.proxy = network_.ProxyFor(url);
  request.decode_content = true;
  http_->Start(std::move(request),
               [this, name = std::move(name), spec = std::move(spec), url,
                cached = std::move(cached), done = std::move(done)](Result<HttpResponse> response) mutable {
                 OnPackumentResponse(name, spec, url, std::move(cached), std::move(response), done);
               });
}

void RegistryClient::OnPackumentResponse(const std::string& name, const std::string& spec,
                                         const std::string& url,
                                         std::optional<CachedDocument> cached,
                                         Result<HttpResponse> response,
                                         const PackumentCallback& done) {
  if (!response.ok()) {
    // make-fetch-happen serves a stale copy when revalidation cannot reach the server.
    if (cached) {
      done(Parsed(*cached, name, url, PackumentSource::kCache));
      return;
    }
    done(response.status());
    return;
  }
  const HttpResponse& r = *response;
  auto header = [&](std::string_view key) {
    const std::string* value = r.Header(key);
    return value ? *value : std::string();
  };
  if (r.status == 304 && cached) {
    // Best effort: a cache is optional. A changed validator or max-age rewrites the
    // header; otherwise the file's mtime records the confirmation.
    std::string cache_control = header("cache-control");
    int64_t max_age = cache_control.empty() ? cached->max_age : ParseMaxAge(cache_control);
    std::string etag = header("etag").empty() ? cached->etag : header("etag");
    if (cache_ && (max_age != cached->max_age || etag != cached->etag)) {
      cached->max_age = max_age;
      cached->etag = etag;
      cached->fetched_at = UnixNow();
      cache_->Store(*cached, Kind());
    } else if (cache_) {
      cache_->Touch(url, Kind());
    }
    done(Parsed(*cached, name, url, PackumentSource::kRevalidated));
    return;
  }
  if (r.status < 200 || r.status >= 300) {
    done(HttpStatusError("GET", url, r.status, r.body, spec));
    return;
  }
  CachedDocument document;
  document.url = url;
  document.etag = header("etag");
  document.last_modified = header("last-modified");
  document.fetched_at = UnixNow();
  document.max_age = MaxAgeOf(r.Header("cache-control"));
  document.body = std::move(response).value().body;
  // Cutting a full document down and parsing it take longer than receiving it from a
  // nearby registry: a worker does both, so responses that arrive together are parsed
  // side by side, and the loop goes on receiving meanwhile (answers are still delivered
  // in arrival order). The cache keeps the abbreviated form; parsing that same text keeps
  // a cached answer identical to this one.
  struct Parse {
    std::optional<Result<PackumentResult>> result;
    std::atomic<bool> ready{false};
  };
  auto parse = std::make_shared<Parse>();
  parsers().Submit([this, parse, name, url, document = std::move(document)]() mutable {
    Result<std::string> abbreviated = AbbreviatePackument(std::move(document.body), name);
    if (!abbreviated.ok()) {
      parse->result.emplace(JsonParseError(url, abbreviated.status()));
    } else {
      parse->result.emplace(Parsed(std::move(abbreviated).value(), name, url, PackumentSource::kNetwork,
                                   document.max_age));
      // The cache stores the text once it is known to parse (the packument's own), and
      // its index.
      if (parse->result->ok() && cache_) {
        const Packument& packument = (*parse->result)->packument;
        document.mapped = packument.shared_text();
        document.mapped_size = packument.text_size();
        document.index = packument.Index();
        cache_->Store(document, Kind());
      }
    }
    parse->ready.store(true, std::memory_order_release);
    http_->Wake();
  });
  http_->PostWhenReady([parse] { return parse->ready.load(std::memory_order_acquire); },
                       [parse, done] { done(std::move(*parse->result)); });
}

HttpClient::TransferId RegistryClient::FetchTarball(std::string url, std::string_view name,
                                                    BodySink* sink, DoneCallback done) {
  if (network_.cache_mode == config::CacheMode::kOffline) {
    // The package store is the tarball cache; a download in offline mode is a miss there.
    http_->Post([url, done = std::move(done)] {
      done(IoError("ENOTCACHED: request to " + RedactUrl(url) +
                   " failed: cache mode is 'only-if-cached' but no cached response is "
                   "available (--offline)."));
    });
    return 0;
  }
  Result<std::string> registry = network_.RegistryFor(name);
  HttpRequest request;
  request.url = url;
  SetCredentials(network_, registry.ok() ? *registry : "", &request);
  request.proxy = network_.ProxyFor(url);
  request.sink = sink;
  request.background = true;
  return http_->Start(std::move(request), [url, spec = std::string(name), done = std::move(done)](
                                              Result<HttpResponse> response) {
    if (!response.ok()) {
      done(response.status());
    } else if (response->status < 200 || response->status >= 300) {
      done(HttpStatusError("GET", url, response->status, response->body, spec));
    } else {
      done(Status::Ok());
    }
  });
}

void RegistryClient::RecordAnswer(const std::string& cache_path, const Result<PackumentResult>& r) {
  std::lock_guard<std::mutex> lock(answers_mutex_);
  if (!r.ok()) {
    ++failed_answers_;
  } else {
    answers_.push_back({cache_path, r->max_age});
  }
}

std::vector<AnsweredPackument> RegistryClient::answered() const {
  std::lock_guard<std::mutex> lock(answers_mutex_);
  return answers_;
}

size_t RegistryClient::failed_answers() const {
  std::lock_guard<std::mutex> lock(answers_mutex_);
  return failed_answers_;
}

Status RegistryClient::Run() { return http_->Run(); }

Status RegistryClient::RunUntil(const std::function<bool()>& until) { return http_->RunUntil(until); }

std::vector<Result<PackumentResult>> RegistryClient::FetchPackuments(
    const std::vector<std::string>& names) {
  std::vector<std::optional<Result<PackumentResult>>> slots(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    FetchPackument(names[i], [&slots, i](Result<PackumentResult> result) {
      slots[i].emplace(std::move(result));
    });
  }
  Status status = Run();
  std::vector<Result<PackumentResult>> out;
  out.reserve(names.size());
  for (auto& slot : slots) {
    if (slot) out.push_back(std::move(*slot));
    else out.push_back(status.ok() ? IoError("the fetch did not complete") : status);
  }
  return out;
}

}  // namespace skua::pm::registry
