// RegistryClient against the loopback fault server: the manifest cache (304
// revalidation, fresh copies, offline modes), npm's error wording, scoped names, and
// credentials sent only to the registry they were written for.
#include "pm/registry/client.h"

#include <stdlib.h>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "pm/registry/http_errors.h"
#include "pm/registry/testing/loopback_server.h"

namespace skua::pm::registry {
namespace {

using testing::LoopbackServer;

struct LoggedRequest {
  std::string path;
  int64_t status;
  std::string authorization;
  std::string if_none_match;
  std::string accept;
};

class RegistryClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto server = LoopbackServer::Start(
        testing::RunfilePath("tools/testing/http_fault_server.py"), {});
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(server).value();
    const char* tmp = getenv("TEST_TMPDIR");
    std::string pattern = std::string(tmp ? tmp : "/tmp") + "/client_test.XXXXXX";
    cache_dir_ = mkdtemp(pattern.data());
  }

  config::NetworkOptions Network(std::vector<std::pair<std::string, std::string>> settings) {
    Result<config::Config> config =
        config::Config::FromLayers({{config::Layer::kUser, std::move(settings)}});
    EXPECT_TRUE(config.ok()) << config.status().message();
    Result<config::NetworkOptions> network = config::NetworkOptionsFrom(*config);
    EXPECT_TRUE(network.ok()) << network.status().message();
    config::NetworkOptions out = std::move(network).value();
    out.retry = {1, 1, 10, 10};
    return out;
  }

  Result<PackumentResult> Fetch(const config::NetworkOptions& network, const std::string& name) {
    auto client = RegistryClient::Create(network, cache_dir_);
    EXPECT_TRUE(client.ok());
    return std::move((*client)->FetchPackuments({name})[0]);
  }

  std::vector<LoggedRequest> Log() {
    Result<std::string> body = server_->Get("/-/requests");
    simdjson::dom::parser parser;
    std::vector<LoggedRequest> log;
    for (simdjson::dom::element e : parser.parse(*body).get_array().value()) {
      auto text = [&](const char* key) {
        std::string_view v;
        return e[key].get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
      };
      log.push_back({text("path"), e["status"].get_int64().value(), text("authorization"),
                     text("if-none-match"), text("accept")});
    }
    return log;
  }

  std::unique_ptr<LoopbackServer> server_;
  std::string cache_dir_;
};

TEST_F(RegistryClientTest, RevalidatesWithEtagAnd304) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/ok/"}});
  Result<PackumentResult> first = Fetch(network, "left");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->source, PackumentSource::kNetwork);
  EXPECT_EQ(first->packument.name, "left");
  EXPECT_EQ(*first->packument.DistTag("latest"), "1.0.0");
  Result<PackumentResult> second = Fetch(network, "left");
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->source, PackumentSource::kRevalidated);
  EXPECT_EQ(second->packument.version_count(), 1u);
  std::vector<LoggedRequest> log = Log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[0].accept, kCorgiAccept);
  EXPECT_TRUE(log[0].if_none_match.empty());
  EXPECT_EQ(log[1].status, 304);
  EXPECT_FALSE(log[1].if_none_match.empty());
}

TEST_F(RegistryClientTest, FreshCopyAndOfflineModesSkipTheNetwork) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/fresh/"}});
  ASSERT_TRUE(Fetch(network, "left").ok());
  Result<PackumentResult> fresh = Fetch(network, "left");
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->source, PackumentSource::kCache);
  network.cache_mode = config::CacheMode::kOffline;
  EXPECT_EQ(Fetch(network, "left")->source, PackumentSource::kCache);
  Result<PackumentResult> miss = Fetch(network, "right");
  ASSERT_FALSE(miss.ok());
  EXPECT_EQ(ErrorCode(miss.status()), "ENOTCACHED");
  network.cache_mode = config::CacheMode::kPreferOnline;
  EXPECT_EQ(Fetch(network, "left")->source, PackumentSource::kRevalidated);
  EXPECT_EQ(Log().size(), 2u);  // One 200, one 304; everything else came from disk.
}

TEST_F(RegistryClientTest, AnswerWithoutCacheControlIsFreshForFiveMinutes) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/bare/"}});
  Result<PackumentResult> first = Fetch(network, "left");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->source, PackumentSource::kNetwork);
  Result<PackumentResult> second = Fetch(network, "left");
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->source, PackumentSource::kCache);
  EXPECT_EQ(Log().size(), 1u);
}

TEST_F(RegistryClientTest, PreferOfflineUsesAStaleCopy) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/ok/"}});
  ASSERT_TRUE(Fetch(network, "left").ok());
  network.cache_mode = config::CacheMode::kPreferOffline;
  EXPECT_EQ(Fetch(network, "left")->source, PackumentSource::kCache);
  EXPECT_EQ(Fetch(network, "right")->source, PackumentSource::kNetwork);
  EXPECT_EQ(Log().size(), 2u);
}

TEST_F(RegistryClientTest, NotFoundIsE404NamingThePackage) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/missing/"}});
  auto client = RegistryClient::Create(network, cache_dir_);
  std::optional<Result<PackumentResult>> out;
  (*client)->FetchPackument("nope", [&](Result<PackumentResult> r) { out.emplace(std::move(r)); },
                            "nope@^1.0.0");
  ASSERT_TRUE((*client)->Run().ok());
  ASSERT_FALSE(out->ok());
  EXPECT_EQ(out->status().code(), StatusCode::kNotFound);
  EXPECT_EQ(out->status().message(),
            "E404: 404 Not Found - GET " + server_->url() +
                "/missing/nope - Not found\n\n'nope@^1.0.0' is not in this registry.");
}

TEST_F(RegistryClientTest, ScopedNamesAreEscaped) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/ok/"}});
  Result<PackumentResult> r = Fetch(network, "@scope/name");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->packument.name, "@scope/name");
  EXPECT_EQ(Log()[0].path, "/ok/@scope%2fname");
}

TEST_F(RegistryClientTest, TokenGoesOnlyToItsRegistry) {
  std::string host = server_->url().substr(std::string("http:").size());  // //127.0.0.1:N
  config::NetworkOptions network = Network({{"registry", server_->url() + "/ok/"},
                                            {"@private:registry", server_->url() + "/auth/"},
                                            {host + "/auth/:_authToken", "secret"}});
  auto client = RegistryClient::Create(network, cache_dir_);
  std::vector<Result<PackumentResult>> results =
      (*client)->FetchPackuments({"@private/pkg", "public"});
  ASSERT_TRUE(results[0].ok()) << results[0].status().message();
  ASSERT_TRUE(results[1].ok()) << results[1].status().message();
  for (const LoggedRequest& request : Log()) {
    if (request.path.starts_with("/auth/")) EXPECT_EQ(request.authorization, "Bearer secret");
    else EXPECT_EQ(request.authorization, "") << request.path;
  }
}

TEST_F(RegistryClientTest, MissingTokenIsE401) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/auth/"}});
  Result<PackumentResult> r = Fetch(network, "pkg");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(ErrorCode(r.status()), "E401");
  EXPECT_NE(r.status().message().find("401 Unauthorized - GET " + server_->url() +
                                      "/auth/pkg - authentication required"),
            std::string::npos)
      << r.status().message();
}

TEST_F(RegistryClientTest, NoRegistryConfigured) {
  Result<PackumentResult> r = Fetch(Network({}), "left");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(ErrorCode(r.status()), "ENOREGISTRY");
  EXPECT_TRUE(Log().empty());
}

TEST_F(RegistryClientTest, FiveHundredPackumentsInParallel) {
  config::NetworkOptions network = Network({{"registry", server_->url() + "/gzip/"}});
  std::vector<std::string> names;
  for (int i = 0; i < 500; ++i) names.push_back("pkg-" + std::to_string(i));
  auto client = RegistryClient::Create(network, "");
  std::vector<Result<PackumentResult>> results = (*client)->FetchPackuments(names);
  for (size_t i = 0; i < names.size(); ++i) {
    ASSERT_TRUE(results[i].ok()) << results[i].status().message();
    EXPECT_EQ(results[i]->packument.name, names[i]);
  }
  EXPECT_LE((*client)->http().stats().connections, 48u);
}

}  // namespace
}  // namespace skua::pm::registry
