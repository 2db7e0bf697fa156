// HttpClient against tools/testing/http_fault_server.py on loopback: parallel transfers on
// few connections, retries (5xx, 429 + Retry-After, dropped connections), gzip decoding,
// refused connections and timeouts.
#include "pm/registry/http_client.h"

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "pm/registry/http_errors.h"
#include "pm/registry/testing/loopback_server.h"

namespace skua::pm::registry {
namespace {

using testing::LoopbackServer;

class HttpClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = LoopbackServer::Start(
        testing::RunfilePath("tools/testing/http_fault_server.py"), {});
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(server).value();
    options_.retry = {2, 2, 10, 100};  // Fast back-off: 10 ms, 20 ms.
    options_.max_host_connections = 4;
  }

  std::unique_ptr<HttpClient> Client() {
    auto client = HttpClient::Create(options_);
    EXPECT_TRUE(client.ok());
    return std::move(client).value();
  }

  // One request, run to completion.
  Result<HttpResponse> Get(const std::string& path, bool decode = false) {
    std::unique_ptr<HttpClient> client = Client();
    std::optional<Result<HttpResponse>> out;
    HttpRequest request;
    request.url = server_->url() + path;
    request.decode_content = decode;
    client->Start(request, [&](Result<HttpResponse> r) { out.emplace(std::move(r)); });
    EXPECT_TRUE(client->Run().ok());
    return std::move(*out);
  }

  // Request-log entries as (path, status, port).
  std::vector<std::tuple<std::string, int64_t, int64_t>> Log() {
    Result<std::string> body = server_->Get("/-/requests");
    EXPECT_TRUE(body.ok());
    simdjson::dom::parser parser;
    simdjson::dom::array entries = parser.parse(*body).get_array().value();
    std::vector<std::tuple<std::string, int64_t, int64_t>> log;
    for (simdjson::dom::element e : entries) {
      log.emplace_back(std::string(e["path"].get_string().value()), e["status"].get_int64().value(),
                       e["port"].get_int64().value());
    }
    return log;
  }

  std::unique_ptr<LoopbackServer> server_;
  HttpClientOptions options_;
};

TEST_F(HttpClientTest, ParallelTransfersShareFewConnections) {
  std::unique_ptr<HttpClient> client = Client();
  constexpr int kCount = 60;
  int ok = 0;
  for (int i = 0; i < kCount; ++i) {
    HttpRequest request;
    request.url = server_->url() + "/ok/pkg-" + std::to_string(i);
    client->Start(request, [&, i](Result<HttpResponse> r) {
      ASSERT_TRUE(r.ok()) << r.status().message();
      EXPECT_EQ(r->status, 200);
      EXPECT_NE(r->body.find("\"pkg-" + std::to_string(i) + "\""), std::string::npos);
      ++ok;
    });
  }
  ASSERT_TRUE(client->Run().ok());
  EXPECT_EQ(ok, kCount);
  std::set<int64_t> ports;
  for (const auto& [path, status, port] : Log()) ports.insert(port);
  EXPECT_LE(ports.size(), 4u);  // maxsockets, with keep-alive reuse.
  EXPECT_LE(client->stats().connections, 4u);
  EXPECT_EQ(client->stats().transfers, static_cast<uint64_t>(kCount));
}

TEST_F(HttpClientTest, BackgroundTransfersWaitForQueuedForegroundOnes) {
  options_.max_concurrent_transfers = 1;  // A quarter of it is no slot: strict priority.
  std::unique_ptr<HttpClient> client = Client();
  std::vector<std::string> order;
  for (std::string name : {"bg-1", "bg-2", "fg-1", "fg-2"}) {
    HttpRequest request;
    request.url = server_->url() + "/ok/" + name;
    request.background = name.starts_with("bg");
    client->Start(request, [&order, name](Result<HttpResponse> r) {
      EXPECT_TRUE(r.ok());
      order.push_back(name);
    });
  }
  ASSERT_TRUE(client->Run().ok());
  EXPECT_EQ(order, (std::vector<std::string>{"fg-1", "fg-2", "bg-1", "bg-2"}));
}

TEST_F(HttpClientTest, RunUntilReturnsOnceThePredicateHolds) {
  options_.max_concurrent_transfers = 1;
  std::unique_ptr<HttpClient> client = Client();
  int done = 0;
  for (int i = 0; i < 3; ++i) {
    HttpRequest request;
    request.url = server_->url() + "/ok/pkg-" + std::to_string(i);
    client->Start(request, [&done](Result<HttpResponse> r) {
      EXPECT_TRUE(r.ok());
      ++done;
    });
  }
  ASSERT_TRUE(client->RunUntil([&done] { return done >= 1; }).ok());
  EXPECT_EQ(done, 1);
  ASSERT_TRUE(client->Run().ok());  // The rest continue.
  EXPECT_EQ(done, 3);
}

// Work finished on another thread is delivered in the order it was posted, while the
// loop keeps running transfers: a transfer started after the posts completes before the
// first post is ready.
TEST_F(HttpClientTest, PostWhenReadyRunsInOrderWithoutStallingTransfers) {
  std::unique_ptr<HttpClient> client = Client();
  std::vector<std::string> order;
  std::atomic<bool> first_ready{false}, second_ready{true};
  std::thread finisher;
  HttpRequest first;
  first.url = server_->url() + "/ok/first";
  client->Start(first, [&](Result<HttpResponse> r) {
    ASSERT_TRUE(r.ok());
    order.push_back("transfer 1");
    client->PostWhenReady([&] { return first_ready.load(); }, [&] { order.push_back("post 1"); });
    client->PostWhenReady([&] { return second_ready.load(); }, [&] { order.push_back("post 2"); });
    HttpRequest second;
    second.url = server_->url() + "/ok/second";
    client->Start(second, [&](Result<HttpResponse> r2) {
      ASSERT_TRUE(r2.ok());
      order.push_back("transfer 2");
      finisher = std::thread([&] {
        first_ready.store(true);
        client->Wake();
      });
    });
  });
  ASSERT_TRUE(client->Run().ok());
  finisher.join();
  EXPECT_EQ(order, (std::vector<std::string>{"transfer 1", "transfer 2", "post 1", "post 2"}));
}

TEST_F(HttpClientTest, RetriesServerErrorsThenSucceeds) {
  Result<HttpResponse> r = Get("/fail500x2/left");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->attempts, 3);
}

TEST_F(HttpClientTest, GivesUpAfterRetriesWithTheLastResponse) {
  Result<HttpResponse> r = Get("/fail500x9/left");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->attempts, 3);
  EXPECT_EQ(r->status_text, "Internal Server Error");
}

TEST_F(HttpClientTest, HonoursRetryAfter) {
  options_.retry.max_timeout_ms = 5000;
  auto start = std::chrono::steady_clock::now();
  Result<HttpResponse> r = Get("/retryafter/left");
  auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->attempts, 2);
  EXPECT_GE(waited, std::chrono::milliseconds(900));  // Retry-After: 1, not the 10 ms back-off.
}

TEST_F(HttpClientTest, RetriesADroppedConnection) {
  Result<HttpResponse> r = Get("/closefirst/left");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->attempts, 2);
}

TEST_F(HttpClientTest, DecodesGzip) {
  Result<HttpResponse> r = Get("/gzip/left", /*decode=*/true);
  ASSERT_TRUE(r.ok());
  ASSERT_NE(r->Header("content-encoding"), nullptr);
  EXPECT_EQ(*r->Header("content-encoding"), "gzip");
  EXPECT_EQ(r->body.rfind("{\"name\": \"left\"", 0), 0u) << r->body.substr(0, 40);
}

TEST_F(HttpClientTest, ConnectionRefusedIsEconnrefused) {
  options_.retry = {1, 1, 10, 10};
  std::string url = "http://127.0.0.1:" + std::to_string(testing::UnusedPort()) + "/x";
  std::unique_ptr<HttpClient> client = Client();
  std::optional<Result<HttpResponse>> out;
  HttpRequest request;
  request.url = url;
  client->Start(request, [&](Result<HttpResponse> r) { out.emplace(std::move(r)); });
  ASSERT_TRUE(client->Run().ok());
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(ErrorCode(out->status()), "ECONNREFUSED");
  EXPECT_EQ(out->status().message().rfind("ECONNREFUSED: request to " + url + " failed", 0), 0u)
      << out->status().message();
  EXPECT_EQ(client->stats().attempts, 2u);
}

TEST_F(HttpClientTest, TimeoutIsEtimedout) {
  options_.timeout_ms = 300;
  options_.retry.retries = 0;
  Result<HttpResponse> r = Get("/slow/left");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(ErrorCode(r.status()), "ETIMEDOUT") << r.status().message();
}

// A sink that pauses every other chunk and is resumed from another thread.
class PausingSink : public BodySink {
 public:
  Action OnData(std::string_view chunk) override {
    if (!resumed_once_ && client_ != nullptr) {
      resumed_once_ = true;
      std::thread([client = client_, id = id_] { client->Resume(id); }).detach();
      return Action::kPause;
    }
    data_.append(chunk);
    return Action::kContinue;
  }
  HttpClient* client_ = nullptr;
  HttpClient::TransferId id_ = 0;
  bool resumed_once_ = false;
  std::string data_;
};

TEST_F(HttpClientTest, SinkCanPauseAndBeResumedFromAnotherThread) {
  std::unique_ptr<HttpClient> client = Client();
  PausingSink sink;
  HttpRequest request;
  request.url = server_->url() + "/bytes/300000";
  request.sink = &sink;
  std::optional<Result<HttpResponse>> out;
  sink.client_ = client.get();
  sink.id_ = client->Start(request, [&](Result<HttpResponse> r) { out.emplace(std::move(r)); });
  ASSERT_TRUE(client->Run().ok());
  ASSERT_TRUE(out->ok());
  EXPECT_TRUE((*out)->body.empty());
  EXPECT_EQ(sink.data_.size(), 300000u);
}

}  // namespace
}  // namespace skua::pm::registry
