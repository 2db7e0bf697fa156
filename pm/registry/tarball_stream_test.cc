// Tarballs from tools/testing/test_registry.py streamed through TarballStream into
// pm/store (one-pass sha512 + gunzip + untar on a worker thread) while the client's loop
// runs on this thread; a tiny buffer forces the pause/resume path.
#include "pm/registry/tarball_stream.h"

#include <stdlib.h>

#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "pm/fetch/digest.h"
#include "pm/fetch/extract.h"
#include "pm/registry/client.h"
#include "pm/registry/testing/loopback_server.h"
#include "pm/store/store.h"

namespace skua::pm::registry {
namespace {

using testing::LoopbackServer;

std::string BigText() {
  std::string text;
  unsigned x = 12345;
  while (text.size() < 400'000) {
    x = x * 1103515245u + 12345u;
    text += std::to_string(x) + (x & 1 ? "\\n" : " ");
  }
  return text;
}

class TarballStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = getenv("TEST_TMPDIR");
    std::string pattern = std::string(tmp ? tmp : "/tmp") + "/tarball_test.XXXXXX";
    dir_ = mkdtemp(pattern.data());
    std::ofstream(dir_ + "/fixture.json")
        << R"({"packages": {"big": {"versions": {"1.0.0": {"files": {"data.txt": ")" << BigText()
        << R"(", "index.js": "module.exports = 1;\n"}}}},
              "@scope/small": {"versions": {"2.0.0": {}}}}})";
    auto server = LoopbackServer::Start(testing::RunfilePath("tools/testing/test_registry.py"),
                                        {dir_ + "/fixture.json"});
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(server).value();
    Result<config::Config> config = config::Config::FromLayers(
        {{config::Layer::kCli, {{"registry", server_->url() + "/"}}}});
    network_ = *config::NetworkOptionsFrom(*config);
  }

  // Fetches `name`'s latest version into the store through a stream of `buffer` bytes.
  Result<store::StoreEntry> Install(const std::string& name, size_t buffer) {
    auto client = std::move(RegistryClient::Create(network_, dir_ + "/cache")).value();
    Result<PackumentResult> packument = std::move(client->FetchPackuments({name})[0]);
    if (!packument.ok()) return packument.status();
    const Manifest* manifest =
        packument->packument.FindVersion(*packument->packument.DistTag("latest"));
    Result<store::Store> opened = store::Store::Open(dir_ + "/cache");
    if (!opened.ok()) return opened.status();
    store::Store store = std::move(opened).value();
    fetch::ExtractOptions options;
    options.package = name + "@" + manifest->version;
    options.integrity = *fetch::ParseIntegrity(manifest->dist.integrity);

    TarballStream stream(buffer);
    std::optional<Result<store::StoreEntry>> inserted;
    std::thread extractor([&] {
      inserted.emplace(store.Insert(stream, options));
      stream.Cancel();
    });
    Status download;
    HttpClient::TransferId id = client->FetchTarball(
        manifest->dist.tarball, name, &stream, [&](Status status) {
          download = status;
          stream.Finish(status);
        });
    stream.Bind(&client->http(), id);
    Status run = client->Run();
    extractor.join();
    if (!run.ok()) return run;
    if (!download.ok()) return download;
    return std::move(*inserted);
  }

  std::string dir_;
  std::unique_ptr<LoopbackServer> server_;
  config::NetworkOptions network_;
};

TEST_F(TarballStreamTest, StreamsIntoTheStoreWithBackPressure) {
  Result<store::StoreEntry> entry = Install("big", 4096);
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  std::vector<std::string> paths;
  for (const auto& file : entry->index.files) paths.push_back(file.path);
  EXPECT_EQ(paths, (std::vector<std::string>{"data.txt", "index.js", "package.json"}));
}

TEST_F(TarballStreamTest, ScopedPackageWithDefaultBuffer) {
  Result<store::StoreEntry> entry = Install("@scope/small", 4 << 20);
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  EXPECT_EQ(entry->index.files.size(), 1u);
}

TEST_F(TarballStreamTest, MissingTarballFailsBothSides) {
  auto client = std::move(RegistryClient::Create(network_, "")).value();
  TarballStream stream;
  Status download;
  HttpClient::TransferId id = client->FetchTarball(
      server_->url() + "/big/-/big-9.9.9.tgz", "big", &stream, [&](Status status) {
        download = status;
        stream.Finish(status);
      });
  stream.Bind(&client->http(), id);
  ASSERT_TRUE(client->Run().ok());
  EXPECT_EQ(download.message().rfind("E404: 404 Not Found - GET ", 0), 0u) << download.message();
  Result<std::string_view> read = stream.Read();
  EXPECT_FALSE(read.ok());
}

}  // namespace
}  // namespace skua::pm::registry
