// The libcurl multi driver: a queue of transfers admitted up to a limit, a poll loop on
// the calling thread, retries parked on a timer list, and npm-style errors.
#include "pm/registry/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "pm/registry/curl_easy_setup.h"
#include "pm/registry/curl_errors.h"
#include "pm/registry/http_errors.h"
#include "pm/registry/retry.h"

namespace skua::pm::registry {
namespace {

#if defined(__x86_64__)
constexpr const char* kArch = "x64";
#elif defined(__aarch64__)
constexpr const char* kArch = "arm64";
#else
constexpr const char* kArch = "unknown";
#endif

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Transfer {
  HttpClient::TransferId id = 0;
  HttpRequest request;
  HttpClient::Callback done;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpResponse response;
  uint64_t delivered = 0;  // Body bytes the sink took during this attempt.
  uint64_t* bytes_counter = nullptr;
  int attempt = 0;         // 1-based number of the attempt in flight.
  bool paused = false;
  bool aborted = false;
  char error[CURL_ERROR_SIZE] = {};
};

size_t OnHeader(char* buffer, size_t size, size_t count, void* data) {
  Transfer* t = static_cast<Transfer*>(data);
  size_t n = size * count;
  std::string_view line(buffer, n);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    // A new response (after a redirect, a proxy CONNECT or a 100 Continue) starts over.
    t->response.headers.clear();
    size_t space = line.find(' ');
    long status = 0;
    for (size_t i = space + 1; space != std::string_view::npos && i < line.size() &&
                               line[i] >= '0' && line[i] <= '9';
         ++i) {
      status = status * 10 + (line[i] - '0');
    }
    t->response.status = status;
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  t->response.headers.emplace_back(std::move(name), std::string(value));
  return n;
}

// Sizes the buffer once from Content-Length (a lower bound when the body is decoded):
// growing it by doubling copied each large packument about twice and faulted in twice
// its pages, on the loop's thread. A claim past the cap is not trusted that far. The 64
// spare bytes are the padding a JSON parser reads past the end (kPackumentPadding), so
// a packument is parsed without another copy.
void ReserveBody(Transfer* t) {
  constexpr curl_off_t kMaxReserve = curl_off_t{64} << 20;
  constexpr size_t kSpare = 64;
  curl_off_t length = -1;
  if (curl_easy_getinfo(t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) != CURLE_OK) return;
  if (length > 0) t->response.body.reserve(static_cast<size_t>(std::min(length, kMaxReserve)) + kSpare);
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  Transfer* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  bool success = t->response.status >= 200 && t->response.status < 300;
  if (t->request.sink != nullptr && success) {
    switch (t->request.sink->OnData(std::string_view(data, n))) {
      case BodySink::Action::kPause:
        t->paused = true;
        return CURL_WRITEFUNC_PAUSE;
      case BodySink::Action::kAbort:
        t->aborted = true;
        return 0;  // Anything but `n` fails the transfer with CURLE_WRITE_ERROR.
      case BodySink::Action::kContinue:
        t->delivered += n;
        break;
    }
  } else {
    if (t->response.body.empty()) ReserveBody(t);
    t->response.body.append(data, n);
  }
  *t->bytes_counter += n;
  return n;
}

}  // namespace

const std::string* HttpResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return &value;
  }
  return nullptr;
}

HttpClientOptions HttpClientOptionsFrom(const config::NetworkOptions& network) {
  HttpClientOptions options;
  options.max_host_connections = network.maxsockets;
  options.max_concurrent_transfers = std::max(64, network.maxsockets);
  options.timeout_ms = network.timeout_ms;
  options.connect_timeout_ms =
      network.timeout_ms > 0 ? std::min<int64_t>(30'000, network.timeout_ms) : 30'000;
  options.retry = network.retry;
  options.strict_ssl = network.strict_ssl;
  options.cafile = network.cafile;
  options.ca = network.ca;
  options.user_agent = network.user_agent;
  return options;
}

class HttpClient::Impl {
 public:
  CURLM* multi = nullptr;
  CURLSH* share = nullptr;
  std::string ca_blob;
  std::unordered_map<TransferId, std::unique_ptr<Transfer>> transfers;
  std::deque<TransferId> queued;
  std::deque<TransferId> queued_background;  // HttpRequest::background.
  std::multimap<int64_t, TransferId> waiting;  // Due time (steady ms) -> retry.
  std::vector<CURL*> idle_easy;
  std::deque<std::function<void()>> tasks;  // Post()ed work.
  // PostWhenReady()'s tasks, run in this order as each becomes ready.
  std::deque<std::pair<std::function<bool()>, std::function<void()>>> when_ready;
  size_t active = 0;
  size_t active_background = 0;  // Of `active`: HttpRequest::background transfers.
  TransferId next_id = 1;
  std::mutex resume_mutex;
  std::vector<TransferId> resume_ids;  // Guarded by resume_mutex.
};

HttpClient::HttpClient(HttpClientOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>()) {}

Result<std::unique_ptr<HttpClient>> HttpClient::Create(HttpClientOptions options) {
  if (options.user_agent.empty()) {
    options.user_agent = std::string("skua npm/? node/v20.11.1 linux ") + kArch + " workspaces/false";
  }
  std::unique_ptr<HttpClient> client(new HttpClient(std::move(options)));
  for (const std::string& pem : client->options_.ca) client->impl_->ca_blob += pem + "\n";
  return client;
}

// libcurl (opened on first use, see libcurl_loader.cc) and the multi handle wait for the
// first transfer: an install answered from the cache never needs them.
Status HttpClient::StartCurl() {
  Impl& impl = *impl_;
  if (impl.multi != nullptr) return Status::Ok();
  if (!CurlGlobalInit()) return IoError("curl_global_init failed");
  impl.share = curl_share_init();
  if (impl.share == nullptr) return IoError("curl_multi_init failed");
  // One thread uses the share, so it needs no lock callbacks.
  curl_share_setopt(impl.share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(impl.share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  CURLM* multi = curl_multi_init();
  if (multi == nullptr) return IoError("curl_multi_init failed");
  const HttpClientOptions& o = options_;
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, o.multiplex ? CURLPIPE_MULTIPLEX : CURLPIPE_NOTHING);
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(o.max_host_connections));
  // The connection cache must hold every host's connections or they close after use.
  curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS,
                    static_cast<long>(std::max(32, o.max_host_connections * 4)));
  impl.multi = multi;
  return Status::Ok();
}

HttpClient::~HttpClient() {
  for (auto& [id, t] : impl_->transfers) {
    if (t->easy != nullptr) {
      curl_multi_remove_handle(impl_->multi, t->easy);
      curl_easy_cleanup(t->easy);
    }
    if (t->headers != nullptr) curl_slist_free_all(t->headers);
  }
  for (CURL* easy : impl_->idle_easy) curl_easy_cleanup(easy);
  if (impl_->multi != nullptr) curl_multi_cleanup(impl_->multi);
  if (impl_->share != nullptr) curl_share_cleanup(impl_->share);
}

HttpClient::TransferId HttpClient::Start(HttpRequest request, Callback done) {
  auto t = std::make_unique<Transfer>();
  t->id = impl_->next_id++;
  t->request = std::move(request);
  t->done = std::move(done);
  t->bytes_counter = &stats_.bytes;
  TransferId id = t->id;
  bool background = t->request.background;
  impl_->transfers.emplace(id, std::move(t));
  (background ? impl_->queued_background : impl_->queued).push_back(id);
  return id;
}

void HttpClient::Post(std::function<void()> task) { impl_->tasks.push_back(std::move(task)); }

void HttpClient::PostWhenReady(std::function<bool()> ready, std::function<void()> task) {
  impl_->when_ready.emplace_back(std::move(ready), std::move(task));
}

void HttpClient::Wake() {
  if (impl_->multi != nullptr) curl_multi_wakeup(impl_->multi);
}

void HttpClient::Resume(TransferId id) {
  {
    std::lock_guard<std::mutex> lock(impl_->resume_mutex);
    impl_->resume_ids.push_back(id);
  }
  curl_multi_wakeup(impl_->multi);
}

namespace {

void Configure(Transfer& t, const HttpClientOptions& o, const std::string& ca_blob,
               CURLSH* share) {
  CURL* e = t.easy;
  curl_easy_setopt(e, CURLOPT_URL, t.request.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  t.error[0] = '\0';
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, 20L);
  curl_easy_setopt(e, CURLOPT_SHARE, share);
  CurlEasySettings settings;
  settings.strict_ssl = o.strict_ssl;
  settings.cafile = o.cafile;
  settings.ca_blob = ca_blob;
  settings.user_agent = o.user_agent;
  settings.proxy = t.request.proxy;
  settings.timeout_ms = o.timeout_ms;
  settings.connect_timeout_ms = o.connect_timeout_ms;
  settings.pipewait = o.multiplex;
  if (t.request.decode_content) settings.accept_encoding = "gzip, deflate";
  ApplyCurlEasySettings(e, t.request.url, settings);
  if (!t.request.client_cert.empty()) {
    curl_easy_setopt(e, CURLOPT_SSLCERT, t.request.client_cert.c_str());
    curl_easy_setopt(e, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(e, CURLOPT_SSLKEY, t.request.client_key.c_str());
    curl_easy_setopt(e, CURLOPT_SSLKEYTYPE, "PEM");
  }
  curl_slist_free_all(t.headers);
  t.headers = nullptr;
  for (const std::string& header : t.request.headers) {
    t.headers = curl_slist_append(t.headers, header.c_str());
  }
  if (!t.request.authorization.empty()) {
    t.headers = curl_slist_append(t.headers, ("Authorization: " + t.request.authorization).c_str());
  }
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.headers);
}

}  // namespace

Status HttpClient::Run() { return RunUntil(nullptr); }

Status HttpClient::RunUntil(const std::function<bool()>& until) {
  Impl& impl = *impl_;
  auto idle = [&] {
    return impl.active == 0 && impl.queued.empty() && impl.queued_background.empty() &&
           impl.waiting.empty() && impl.tasks.empty() && impl.when_ready.empty();
  };
  size_t max_active = static_cast<size_t>(options_.max_concurrent_transfers);
  // Background transfers always get a quarter of the slots, so they progress while a
  // long queue of foreground ones drains; beyond it they wait for the foreground queue.
  size_t background_share = max_active / 4;
  auto background_next = [&] {
    return !impl.queued_background.empty() &&
           (impl.queued.empty() || impl.active_background < background_share);
  };
  auto admissible = [&] {
    return (!impl.queued.empty() || background_next()) && impl.active < max_active;
  };
  auto done = [&] { return idle() || (until && until()); };

  auto release = [&](Transfer& t) {
    curl_multi_remove_handle(impl.multi, t.easy);
    curl_easy_reset(t.easy);
    impl.idle_easy.push_back(t.easy);
    t.easy = nullptr;
    --impl.active;
    if (t.request.background) --impl.active_background;
  };

  auto finish = [&](Transfer& t, CURLcode code) {
    long connects = 0;
    curl_easy_getinfo(t.easy, CURLINFO_NUM_CONNECTS, &connects);
    stats_.connections += static_cast<uint64_t>(connects);
    ++stats_.attempts;
    curl_easy_getinfo(t.easy, CURLINFO_HTTP_VERSION, &t.response.http_version);
    char* effective = nullptr;
    curl_easy_getinfo(t.easy, CURLINFO_EFFECTIVE_URL, &effective);
    if (effective != nullptr) t.response.effective_url = effective;
    bool network_retry = code != CURLE_OK && !t.aborted && IsRetriableCurlCode(code);
    bool status_retry = code == CURLE_OK && IsRetriableStatus(t.response.status);
    if ((network_retry || status_retry) && t.attempt <= options_.retry.retries &&
        (t.delivered == 0 || (t.request.sink != nullptr && t.request.sink->Restart()))) {
      const std::string* retry_after = status_retry ? t.response.Header("retry-after") : nullptr;
      int64_t delay = RetryDelayMs(options_.retry, t.attempt, retry_after ? *retry_after : "",
                                   static_cast<int64_t>(std::time(nullptr)));
      release(t);
      impl.waiting.emplace(NowMs() + delay, t.id);
      return;
    }
    std::optional<Status> error;
    if (code != CURLE_OK) {
      error = CurlTransferError(t.easy, code, t.request.url, t.error, t.aborted, options_.timeout_ms);
    }
    release(t);
    auto node = impl.transfers.extract(t.id);
    Transfer& done = *node.mapped();
    curl_slist_free_all(done.headers);
    done.headers = nullptr;
    ++stats_.transfers;
    if (error) {
      done.done(std::move(*error));
      return;
    }
    HttpResponse response = std::move(done.response);
    response.status_text = std::string(StatusText(response.status));
    response.attempts = done.attempt;
    done.done(std::move(response));
  };

  while (true) {
    while (!impl.tasks.empty() || (!impl.when_ready.empty() && impl.when_ready.front().first())) {
      std::function<void()> task;
      if (!impl.tasks.empty()) {
        task = std::move(impl.tasks.front());
        impl.tasks.pop_front();
      } else {
        task = std::move(impl.when_ready.front().second);
        impl.when_ready.pop_front();
      }
      task();
      // Back to the caller as soon as what it waits for is done: the tasks a callback
      // queued (the resolver's speculative requests) run at its next wait.
      if (until && until()) return Status::Ok();
    }
    int64_t now = NowMs();
    while (!impl.waiting.empty() && impl.waiting.begin()->first <= now) {
      TransferId retry = impl.waiting.begin()->second;
      bool background = impl.transfers.at(retry)->request.background;
      (background ? impl.queued_background : impl.queued).push_back(retry);
      impl.waiting.erase(impl.waiting.begin());
    }
    while (admissible()) {
      if (Status started = StartCurl(); !started.ok()) return started;
      std::deque<TransferId>& from = background_next() ? impl.queued_background : impl.queued;
      Transfer& t = *impl.transfers.at(from.front());
      from.pop_front();
      if (t.request.background) ++impl.active_background;
      if (impl.idle_easy.empty()) {
        t.easy = curl_easy_init();
        if (t.easy == nullptr) return IoError("curl_easy_init failed");
      } else {
        t.easy = impl.idle_easy.back();
        impl.idle_easy.pop_back();
      }
      ++t.attempt;
      t.delivered = 0;
      t.paused = false;
      t.response = HttpResponse();
      Configure(t, options_, impl.ca_blob, impl.share);
      curl_multi_add_handle(impl.multi, t.easy);
      ++impl.active;
    }
    if (done()) return Status::Ok();

    int running = 0;
    CURLMcode mc = curl_multi_perform(impl.multi, &running);
    if (mc != CURLM_OK) return IoError(std::string("curl_multi_perform: ") + curl_multi_strerror(mc));
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(impl.multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      finish(*t, msg->data.result);
    }
    if (done()) return Status::Ok();
    if (!impl.tasks.empty() || admissible() ||
        (!impl.when_ready.empty() && impl.when_ready.front().first())) {
      continue;  // Callbacks queued more work: admit it before sleeping.
    }
    int wait_ms = 1000;
    if (!impl.waiting.empty()) {
      wait_ms = static_cast<int>(std::clamp<int64_t>(impl.waiting.begin()->first - NowMs(), 0, 1000));
    }
    mc = curl_multi_poll(impl.multi, nullptr, 0, wait_ms, nullptr);
    if (mc != CURLM_OK) return IoError(std::string("curl_multi_poll: ") + curl_multi_strerror(mc));
    std::vector<TransferId> resumes;
    {
      std::lock_guard<std::mutex> lock(impl.resume_mutex);
      resumes.swap(impl.resume_ids);
    }
    for (TransferId id : resumes) {
      auto found = impl.transfers.find(id);
      if (found == impl.transfers.end()) continue;
      Transfer& t = *found->second;
      if (t.easy != nullptr && t.paused) {
        t.paused = false;
        curl_easy_pause(t.easy, CURLPAUSE_CONT);
      }
    }
  }
}

}  // namespace skua::pm::registry
